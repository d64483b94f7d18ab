package dev.agentbin.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import dev.agentbin.common.StrictJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Collectors;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become HTTP answers: a client mistake is a 4xx envelope, never a 500. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final RequestId requestId;

    public ErrorMappers(RequestId requestId) {
        this.requestId = requestId;
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder response = envelopeBuilder(e.status(), e.reason(), e.getMessage());
        e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, Math.max(1, wait.toSeconds())));
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .map(ConstraintViolation::getMessage)
                .sorted()
                .collect(Collectors.joining("; "));
        return envelope(
                ErrorStatus.INVALID_ARGUMENT,
                "INVALID_ARGUMENT",
                message.isEmpty() ? "The request is invalid." : message);
    }

    /** More specific than Quarkus' own mapper for this type, which answers in another shape. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            return envelope(ErrorStatus.INVALID_ARGUMENT, "INVALID_ARGUMENT", describe(mapping));
        }
        return envelope(ErrorStatus.INVALID_ARGUMENT, "INVALID_JSON_BODY", "The request body is not valid JSON.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e instanceof NotFoundException || e instanceof NotAllowedException) {
            return envelope(ErrorStatus.NOT_FOUND, "ROUTE_NOT_FOUND", "No such route.");
        }
        if (e.getCause() instanceof BodySizeLimit.TooLarge) {
            return api(BodySizeLimit.tooLarge());
        }
        if (e instanceof NotSupportedException) {
            return envelope(
                    ErrorStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return envelope(ErrorStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", BodySizeLimit.MESSAGE);
        }
        if (status >= 400 && status < 500) {
            return envelope(ErrorStatus.INVALID_ARGUMENT, "INVALID_ARGUMENT", "The request is invalid.");
        }
        return internal(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api(api);
            }
            if (cause instanceof BodySizeLimit.TooLarge) {
                return api(BodySizeLimit.tooLarge());
            }
            if (cause instanceof JsonProcessingException json) {
                return json(json);
            }
        }
        if (isDatabaseUnavailable(e)) {
            LOG.warnf(e, "request %s: the database is unavailable", requestId.value());
            return envelopeBuilder(
                            ErrorStatus.UNAVAILABLE,
                            "UNAVAILABLE",
                            "The service is unavailable for a moment; nothing was changed. Try again.")
                    .header(HttpHeaders.RETRY_AFTER, 1)
                    .build();
        }
        return internal(e);
    }

    /**
     * The database could not be reached or dropped the connection (PostgreSQL restarting, Aurora
     * resuming, a connection killed): the transaction was rolled back, so the request can be retried.
     */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("57P")
                            || sql.getSQLState().equals("53300"))) {
                return true;
            }
        }
        return false;
    }

    private Response internal(Throwable e) {
        LOG.errorf(e, "request %s failed", requestId.value());
        return envelope(ErrorStatus.INTERNAL, "INTERNAL", "An internal error occurred.");
    }

    /** Names the offending field (its JSON path) without echoing Jackson's internals. */
    private static String describe(JsonMappingException e) {
        String field = StrictJson.path(e);
        String detail = e.getCause() instanceof IllegalArgumentException bad
                ? bad.getMessage()
                : "has the wrong type or format";
        return field.isEmpty() ? "The request body " + detail + "." : field + ": " + detail;
    }

    /** The HTTP code of each status, as the reference answers them. */
    static int httpStatus(ErrorStatus status) {
        return switch (status) {
            case INVALID_ARGUMENT -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, FAILED_PRECONDITION -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case URI_TOO_LONG -> 414;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case RESOURCE_EXHAUSTED -> 429;
            case HEADERS_TOO_LARGE -> 431;
            case INTERNAL -> 500;
            case UNAVAILABLE -> 503;
        };
    }

    private Response envelope(ErrorStatus status, String reason, String message) {
        return envelopeBuilder(status, reason, message).build();
    }

    private Response.ResponseBuilder envelopeBuilder(ErrorStatus status, String reason, String message) {
        return Response.status(httpStatus(status))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorEnvelope(new ErrorEnvelope.Body(status.name(), reason, message, requestId.value())));
    }
}
