package dev.agentbin.api.agent;

import dev.agentbin.agent.AddressesRequest;
import dev.agentbin.agent.Agent;
import dev.agentbin.access.AccessPolicy;
import dev.agentbin.agent.AgentService;
import dev.agentbin.agent.PasswordRequest;
import dev.agentbin.agent.StatusRequest;
import dev.agentbin.agent.UpdateAgentRequest;
import dev.agentbin.api.auth.ClientAddress;
import dev.agentbin.api.auth.CurrentCaller;
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

/**
 * The caller's own agent: /v1.0/me and the self-service routes under /v1.0/service_agents/me. An access
 * key has no agent of its own: /me answers it 403 AGENT_AUTH_REQUIRED, the service_agents routes 401, as
 * the reference does.
 */
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
    public Agent me() {
        return agents.get(caller.get(), policy.me(caller.get()));
    }

    @GET
    @Path("/service_agents/me")
    public Agent serviceAgentMe() {
        return agents.get(caller.get(), policy.serviceAgent(caller.get()));
    }

    @PUT
    @Path("/service_agents/me")
    public Agent updateMe(@Valid @NotNull(message = BODY_REQUIRED) UpdateAgentRequest request) {
        return agents.updateProfile(caller.get(), policy.serviceAgent(caller.get()), request);
    }

    @PUT
    @Path("/service_agents/me/addresses")
    public Agent updateMyAddresses(@Valid @NotNull(message = BODY_REQUIRED) AddressesRequest request) {
        return agents.updateOwnAddresses(caller.get(), request);
    }

    @PUT
    @Path("/service_agents/me/status")
    public Agent updateMyStatus(@Valid @NotNull(message = BODY_REQUIRED) StatusRequest request) {
        return agents.updateStatus(caller.get(), policy.serviceAgent(caller.get()), request);
    }

    @PUT
    @Path("/service_agents/me/password")
    public Agent updateMyPassword(@Valid @NotNull(message = BODY_REQUIRED) PasswordRequest request, @Context HttpServerRequest http) {
        return passwords.changeOwn(caller.get(), request, ClientAddress.of(http));
    }
}
