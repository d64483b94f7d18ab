package dev.agentbin.api.web;

import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import dev.agentbin.common.StrictJson;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every request must meet before any route sees it, checked here in the JAX-RS layer so the limits
 * hold (and answer in the error envelope) whatever carries the request: an API Gateway event on Lambda or
 * a plain HTTP server locally. The HTTP server's own limits ({@code quarkus.http.limits.*}) are set above
 * these, so these are the ones clients meet.
 */
public class RequestLimits {

    /** Path and query, encoded. 100 tag ids in a list filter take about 3,700. */
    static final int MAX_URI_CHARS = 4000;
    /** Every header name and value together. A token cookie or Bearer header takes about 1 KiB. */
    static final int MAX_HEADER_CHARS = 16 * 1024;

    @ServerRequestFilter(preMatching = true)
    public void screen(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String rawQuery = uri.getRawQuery();
        if (uri.getRawPath().length() + (rawQuery == null ? 0 : rawQuery.length() + 1) > MAX_URI_CHARS) {
            throw new ApiException(
                    ErrorStatus.URI_TOO_LONG,
                    "URI_TOO_LONG",
                    "The request URI is longer than " + MAX_URI_CHARS + " characters.");
        }
        long headerChars = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                headerChars += header.getKey().length() + value.length();
                if (hasNul(value)) {
                    throw ApiException.invalidArgument(
                            "The header " + header.getKey() + " " + StrictJson.NUL_MESSAGE + ".");
                }
            }
        }
        if (headerChars > MAX_HEADER_CHARS) {
            throw new ApiException(
                    ErrorStatus.HEADERS_TOO_LARGE,
                    "HEADERS_TOO_LARGE",
                    "The request headers are larger than " + MAX_HEADER_CHARS / 1024 + " KiB.");
        }
        // PostgreSQL cannot store or compare U+0000 in text: refused for the whole path and query here. In a
        // URI it can only come percent-encoded.
        String raw = uri.getRawPath() + "?" + (rawQuery == null ? "" : rawQuery);
        if (raw.contains("%00") || hasNul(raw)) {
            throw ApiException.invalidArgument("The URL " + StrictJson.NUL_MESSAGE + ".");
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if ((hasBody(request) && contentType == null) || (contentType != null && !isMediaType(contentType))) {
            throw new ApiException(
                    ErrorStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "A request body needs a Content-Type: send it as application/json.");
        }
    }

    private static boolean isMediaType(String contentType) {
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null
                || (length != null && !length.isBlank() && !length.trim().equals("0"));
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }
}
