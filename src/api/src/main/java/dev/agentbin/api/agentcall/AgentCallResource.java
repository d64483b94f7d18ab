package dev.agentbin.api.agentcall;

import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallListQuery;
import dev.agentbin.agentcall.AgentCallPage;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.api.auth.CurrentCaller;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** /v1.0/agentcalls: ring an agent (ring-all), watch the ring, give up on it, read the call history. */
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
    @APIResponse(responseCode = "202", description = "Ringing: the agentcall with its legs",
            content = @Content(schema = @Schema(implementation = AgentCall.class)))
    public Response ring(@NotNull(message = "a JSON body is required") RingRequest body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        RingRequest request = body.forCustomer(caller.get().customerId());
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey.trim();
        if (key.length() > MAX_IDEMPOTENCY_KEY) {
            throw ApiException.invalidArgument("Idempotency-Key is at most " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        return Response.accepted(agentCalls.dispatch(caller.get(), request, key)).build();
    }

    /**
     * Agentcalls with their legs, newest first. Query parameters: agent_id (absent: the whole customer's, for
     * admins and managers), from and to (RFC 3339; started at or after from, before to), status (any of,
     * comma-separated), page_size (1-50, default 10), page_token.
     */
    @GET
    @Parameter(name = "agent_id", in = ParameterIn.QUERY, description = "One agent's; absent: the customer's (admins and managers)")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "RFC 3339: started at or after")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "RFC 3339: started before")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Outcomes, any of, comma-separated")
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = "1-50, default 10")
    @Parameter(name = "page_token", in = ParameterIn.QUERY, description = "next_page_token of the previous page")
    public AgentCallPage list(@Context UriInfo uri) {
        return agentCalls.list(caller.get(), AgentCallListQuery.parse(uri.getQueryParameters()));
    }

    @GET
    @Path("/{id}")
    public AgentCall get(@PathParam("id") String id) {
        return agentCalls.get(caller.get(), Ids.pathId(id));
    }

    @POST
    @Path("/{id}/hangup")
    public AgentCall hangup(@PathParam("id") String id) {
        return agentCalls.hangup(caller.get(), Ids.pathId(id));
    }
}
