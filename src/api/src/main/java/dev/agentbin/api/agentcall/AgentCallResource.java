package dev.agentbin.api.agentcall;

import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallListQuery;
import dev.agentbin.agentcall.AgentCallPage;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.AgentCallStatus;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.api.web.ApiDocument;
import dev.agentbin.api.web.ErrorReasons;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.Ids;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** /v1.0/agentcalls: ring an agent (ring-all), watch the ring, give up on it, read the call history. */
@Tag(
        name = "Agent calls",
        description = "Ring-all: ring every address of an agent at once, the first answer wins and the"
                + " other legs are hung up. An agentcall is one ring of one agent, with a leg per address.")
@Path("/v1.0/agentcalls")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentCallResource {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final AgentCallService agentCalls;
    private final CurrentCaller caller;
    private final Validator validator;

    public AgentCallResource(AgentCallService agentCalls, CurrentCaller caller, Validator validator) {
        this.agentCalls = agentCalls;
        this.caller = caller;
        this.validator = validator;
    }

    /**
     * 202 with the agentcall once its legs are originated. The customer is the caller's; an
     * Idempotency-Key header makes a retried request return the same agentcall instead of ringing again.
     */
    @POST
    @Operation(
            operationId = "ringAgent",
            summary = "Ring an agent",
            description =
                    "Claims the agent (it must be available, with at least one address; it is ringing from now on)"
                            + " and rings its addresses through the telephony provider: all at once (ringall) or one after"
                            + " another (linear). The agentcall then follows the legs; GET it, or receive its events. Admins and"
                            + " managers of the customer.")
    @APIResponse(
            responseCode = "202",
            description = "Ringing: the agentcall with its legs",
            content = @Content(schema = @Schema(implementation = AgentCall.class)))
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_MANAGER)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)
    @APIResponse(
            responseCode = "409",
            description = ErrorReasons.AGENT_NOT_AVAILABLE + ErrorReasons.AGENT_HAS_NO_ADDRESSES)
    @APIResponse(responseCode = "422", description = ErrorReasons.IDEMPOTENCY_KEY_REUSED)
    public Response ring(
            @NotNull(message = "a JSON body is required") RingRequest body,
            @Parameter(
                            description =
                                    "Makes a retried request safe: the same key again (at most " + MAX_IDEMPOTENCY_KEY
                                            + " characters) answers the agentcall the first request made instead of ringing anew; with a"
                                            + " different body it is refused. Absent: every request rings.")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey) {
        RingRequest request = body.forCustomer(caller.get().customerId());
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : idempotencyKey.trim();
        if (key.length() > MAX_IDEMPOTENCY_KEY) {
            throw ApiException.invalidArgument("Idempotency-Key is at most " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        return Response.accepted(agentCalls.dispatch(caller.get(), request, key))
                .build();
    }

    /**
     * Agentcalls with their legs, newest first. Query parameters: agent_id (absent: the whole customer's, for
     * admins and managers), from and to (RFC 3339; started at or after from, before to), status (any of,
     * comma-separated), page_size (1-50, default 10), page_token.
     */
    @GET
    @Operation(
            operationId = "listAgentCalls",
            summary = "List agentcalls (call history)",
            description = "Agentcalls with their legs, newest first (by when the ring started). One agent's (the agent"
                    + " itself, admins and managers), or without agent_id the whole customer's (admins and managers).")
    @APIResponse(responseCode = "200", description = "A page of agentcalls")
    @Parameter(
            name = "agent_id",
            in = ParameterIn.QUERY,
            description = "Only this agent's (another customer's agent:" + " an empty list).",
            schema = @Schema(implementation = UUID.class))
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "Only those started at or after (RFC 3339 with an offset).",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "Only those started before (RFC 3339 with an offset).",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(
            name = "status",
            in = ParameterIn.QUERY,
            description = "Only those with any of these outcomes"
                    + " (comma-separated); missed rings are no_answer,canceled.",
            style = ParameterStyle.FORM,
            explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AgentCallStatus.class))
    @Parameter(
            name = ApiDocument.PAGE_SIZE,
            in = ParameterIn.QUERY,
            description = "How many per page, 1 to "
                    + AgentCallListQuery.MAX_PAGE_SIZE + " (each carries its legs); absent: "
                    + AgentCallListQuery.DEFAULT_PAGE_SIZE
                    + "; 0, negative or more: " + AgentCallListQuery.MAX_PAGE_SIZE + ".",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            format = "int32",
                            defaultValue = "" + AgentCallListQuery.DEFAULT_PAGE_SIZE))
    @Parameter(name = ApiDocument.PAGE_TOKEN, in = ParameterIn.QUERY, ref = ApiDocument.PAGE_TOKEN)
    @APIResponse(responseCode = "400", description = ErrorReasons.AGENT_CALL_FILTERS)
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_OWN_CALLS)
    public AgentCallPage list(@Context UriInfo uri) {
        return agentCalls.list(caller.get(), AgentCallListQuery.parse(uri.getQueryParameters()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getAgentCall",
            summary = "Get an agentcall",
            description = "The agentcall with its legs, each step timestamped. Its agent, admins and managers.")
    @APIResponse(responseCode = "200", description = "The agentcall")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_OWN_CALLS)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENTCALL_NOT_FOUND)
    public AgentCall get(@PathParam("id") String id) {
        return agentCalls.get(caller.get(), Ids.pathId(id));
    }

    @POST
    @Path("/{id}/hangup")
    @Operation(
            operationId = "hangUpAgentCall",
            summary = "Hang up an agentcall",
            description =
                    "The caller gave up: every live leg is cancelled, an answered call ended. An agentcall that has"
                            + " ended already is answered as it is. Admins and managers.")
    @APIResponse(responseCode = "200", description = "The agentcall, hung up")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_MANAGER)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENTCALL_NOT_FOUND)
    public AgentCall hangup(@PathParam("id") String id) {
        return agentCalls.hangup(caller.get(), Ids.pathId(id));
    }
}
