package dev.agentbin.api.agent;

import dev.agentbin.agent.AddressesRequest;
import dev.agentbin.agent.Agent;
import dev.agentbin.agent.AgentListQuery;
import dev.agentbin.agent.AgentPage;
import dev.agentbin.agent.AgentService;
import dev.agentbin.agent.CreateAgentRequest;
import dev.agentbin.agent.PasswordRequest;
import dev.agentbin.agent.PermissionRequest;
import dev.agentbin.agent.StatusHistory;
import dev.agentbin.agent.StatusHistoryPage;
import dev.agentbin.agent.StatusHistoryQuery;
import dev.agentbin.agent.StatusRequest;
import dev.agentbin.agent.TagIdsRequest;
import dev.agentbin.agent.UpdateAgentRequest;
import dev.agentbin.api.auth.ClientAddress;
import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.auth.PasswordChanges;
import dev.agentbin.common.Ids;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** /v1.0/agents: managing a customer's agents. Ids in paths are parsed here (a bad one is 400 INVALID_ID). */
@Path("/v1.0/agents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    private final AgentService agents;
    private final PasswordChanges passwords;
    private final StatusHistory statusHistory;
    private final CurrentCaller caller;

    public AgentResource(AgentService agents, PasswordChanges passwords, StatusHistory statusHistory, CurrentCaller caller) {
        this.agents = agents;
        this.passwords = passwords;
        this.statusHistory = statusHistory;
        this.caller = caller;
    }

    /** Query parameters: page_size, page_token, status, tag_ids (read from the map: "tag_ids=" must count as present). */
    @GET
    public AgentPage list(@Context UriInfo uri) {
        return agents.list(caller.get(), AgentListQuery.parse(uri.getQueryParameters()));
    }

    /** 200 with the agent, as the reference answers (its OpenAPI says 201; clients follow the code). */
    @POST
    public Agent create(@Valid @NotNull(message = BODY_REQUIRED) CreateAgentRequest request) {
        return agents.create(caller.get(), request);
    }

    @GET
    @Path("/{id}")
    public Agent get(@PathParam("id") String id) {
        return agents.get(caller.get(), Ids.pathId(id));
    }

    @PUT
    @Path("/{id}")
    public Agent update(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) UpdateAgentRequest request) {
        return agents.updateProfile(caller.get(), Ids.pathId(id), request);
    }

    @DELETE
    @Path("/{id}")
    public Agent delete(@PathParam("id") String id) {
        return agents.delete(caller.get(), Ids.pathId(id));
    }

    @PUT
    @Path("/{id}/addresses")
    public Agent updateAddresses(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) AddressesRequest request) {
        return agents.updateAddresses(caller.get(), Ids.pathId(id), request);
    }

    @PUT
    @Path("/{id}/tag_ids")
    public Agent updateTagIds(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) TagIdsRequest request) {
        return agents.updateTagIds(caller.get(), Ids.pathId(id), request);
    }

    @PUT
    @Path("/{id}/status")
    public Agent updateStatus(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) StatusRequest request) {
        return agents.updateStatus(caller.get(), Ids.pathId(id), request);
    }

    /**
     * The agent's status changes with their causes, newest first (docs/status-history.md). Query parameters:
     * from and to (RFC 3339; changed at or after from, before to; default the last 24 hours, at most 31 days),
     * page_size, page_token.
     */
    @GET
    @Path("/{id}/status_history")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "RFC 3339: changed at or after; default: 24 hours before to")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "RFC 3339: changed before; default: now. At most 31 days after from")
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = "1-100, default 100")
    @Parameter(name = "page_token", in = ParameterIn.QUERY, description = "next_page_token of the previous page")
    public StatusHistoryPage statusHistory(@PathParam("id") String id, @Context UriInfo uri) {
        return statusHistory.list(caller.get(), Ids.pathId(id), StatusHistoryQuery.parse(uri.getQueryParameters(), Instant.now()));
    }

    @PUT
    @Path("/{id}/permission")
    public Agent updatePermission(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) PermissionRequest request) {
        return agents.updatePermission(caller.get(), Ids.pathId(id), request);
    }

    @PUT
    @Path("/{id}/password")
    public Agent updatePassword(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) PasswordRequest request,
            @Context HttpServerRequest http) {
        return passwords.change(caller.get(), Ids.pathId(id), request, ClientAddress.of(http));
    }
}
