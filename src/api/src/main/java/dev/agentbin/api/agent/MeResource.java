package dev.agentbin.api.agent;

import dev.agentbin.access.AccessPolicy;
import dev.agentbin.agent.AddressesRequest;
import dev.agentbin.agent.Agent;
import dev.agentbin.agent.AgentService;
import dev.agentbin.agent.PasswordRequest;
import dev.agentbin.agent.StatusRequest;
import dev.agentbin.agent.UpdateAgentRequest;
import dev.agentbin.api.auth.ClientAddress;
import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.api.web.ErrorReasons;
import dev.agentbin.auth.PasswordChanges;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own agent: /v1.0/me and the self-service routes under /v1.0/service_agents/me. An access
 * key has no agent of its own: /me answers it 403 AGENT_AUTH_REQUIRED, the service_agents routes 401, as
 * the reference does.
 */
@Tag(
        name = "Me",
        description = "The logged-in agent's own agent, and what it may change of itself. For an agent's"
                + " token only: an access key is no agent.")
@Path("/v1.0")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    private final AgentService agents;
    private final PasswordChanges passwords;
    private final AccessPolicy policy;
    private final CurrentCaller caller;

    public MeResource(AgentService agents, PasswordChanges passwords, AccessPolicy policy, CurrentCaller caller) {
        this.agents = agents;
        this.passwords = passwords;
        this.policy = policy;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMe", summary = "Get the caller's agent", description = "The agent the token is of.")
    @APIResponse(responseCode = "200", description = "The caller's agent")
    @APIResponse(responseCode = "403", description = ErrorReasons.AGENT_AUTH_REQUIRED)
    public Agent me() {
        return agents.get(caller.get(), policy.me(caller.get()));
    }

    @GET
    @Path("/service_agents/me")
    @Operation(
            operationId = "getOwnAgent",
            summary = "Get the caller's agent (service agent)",
            description = "As GET /v1.0/me, under the reference's self-service path.")
    @APIResponse(responseCode = "200", description = "The caller's agent")
    @APIResponse(responseCode = "401", description = ErrorReasons.NOT_AN_AGENT)
    public Agent serviceAgentMe() {
        return agents.get(caller.get(), policy.serviceAgent(caller.get()));
    }

    @PUT
    @Path("/service_agents/me")
    @Operation(
            operationId = "updateOwnAgent",
            summary = "Update the caller's profile",
            description = "As PUT /v1.0/agents/{id} on the caller's own agent.")
    @APIResponse(responseCode = "200", description = "The caller's agent, updated")
    @APIResponse(responseCode = "401", description = ErrorReasons.NOT_AN_AGENT)
    public Agent updateMe(@Valid @NotNull(message = BODY_REQUIRED) UpdateAgentRequest request) {
        return agents.updateProfile(caller.get(), policy.serviceAgent(caller.get()), request);
    }

    @PUT
    @Path("/service_agents/me/addresses")
    @Operation(
            operationId = "setOwnAddresses",
            summary = "Replace the caller's addresses",
            description = "As PUT /v1.0/agents/{id}/addresses on the caller's own agent.")
    @APIResponse(responseCode = "200", description = "The caller's agent, with its new addresses")
    @APIResponse(responseCode = "401", description = ErrorReasons.NOT_AN_AGENT)
    @APIResponse(responseCode = "409", description = ErrorReasons.ADDRESS_ALREADY_ASSIGNED)
    public Agent updateMyAddresses(@Valid @NotNull(message = BODY_REQUIRED) AddressesRequest request) {
        return agents.updateOwnAddresses(caller.get(), request);
    }

    @PUT
    @Path("/service_agents/me/status")
    @Operation(
            operationId = "setOwnStatus",
            summary = "Set the caller's status",
            description = "As PUT /v1.0/agents/{id}/status on the caller's own agent.")
    @APIResponse(responseCode = "200", description = "The caller's agent, with its status")
    @APIResponse(responseCode = "401", description = ErrorReasons.NOT_AN_AGENT)
    public Agent updateMyStatus(@Valid @NotNull(message = BODY_REQUIRED) StatusRequest request) {
        return agents.updateStatus(caller.get(), policy.serviceAgent(caller.get()), request);
    }

    @PUT
    @Path("/service_agents/me/password")
    @Operation(
            operationId = "setOwnPassword",
            summary = "Change the caller's password",
            description = "With the current_password. Every token issued before, this one included, is revoked: log in"
                    + " again.")
    @APIResponse(responseCode = "200", description = "The caller's agent")
    @APIResponse(responseCode = "401", description = ErrorReasons.NOT_AN_AGENT)
    @APIResponse(responseCode = "403", description = ErrorReasons.CURRENT_PASSWORD_WRONG)
    @APIResponse(responseCode = "429", description = ErrorReasons.TOO_MANY_LOGINS)
    public Agent updateMyPassword(
            @Valid @NotNull(message = BODY_REQUIRED) PasswordRequest request, @Context HttpServerRequest http) {
        return passwords.changeOwn(caller.get(), request, ClientAddress.of(http));
    }
}
