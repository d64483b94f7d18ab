package dev.agentbin.api.agent;

import dev.agentbin.agent.AddressesRequest;
import dev.agentbin.agent.Agent;
import dev.agentbin.agent.AgentListQuery;
import dev.agentbin.agent.AgentPage;
import dev.agentbin.agent.AgentService;
import dev.agentbin.agent.AgentStatus;
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
import dev.agentbin.api.web.ApiDocument;
import dev.agentbin.api.web.ErrorReasons;
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
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** /v1.0/agents: managing a customer's agents. Ids in paths are parsed here (a bad one is 400 INVALID_ID). */
@Tag(
        name = "Agents",
        description = "A customer's agents: who they are, how to reach them (addresses), whether they are"
                + " available, and what they may do (permission bits).")
@Path("/v1.0/agents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    private final AgentService agents;
    private final PasswordChanges passwords;
    private final StatusHistory statusHistory;
    private final CurrentCaller caller;
    private final Clock clock;

    public AgentResource(
            AgentService agents,
            PasswordChanges passwords,
            StatusHistory statusHistory,
            CurrentCaller caller,
            Clock clock) {
        this.agents = agents;
        this.clock = clock;
        this.passwords = passwords;
        this.statusHistory = statusHistory;
        this.caller = caller;
    }

    /** Query parameters: page_size, page_token, status, tag_ids (read from the map: "tag_ids=" must count as present). */
    @GET
    @Operation(
            operationId = "listAgents",
            summary = "List agents",
            description =
                    "The customer's live agents, newest first, optionally only those of one status or carrying any"
                            + " of some tags. Admins and managers of the customer.")
    @APIResponse(responseCode = "200", description = "A page of agents")
    @Parameter(name = ApiDocument.PAGE_SIZE, in = ParameterIn.QUERY, ref = ApiDocument.PAGE_SIZE)
    @Parameter(name = ApiDocument.PAGE_TOKEN, in = ParameterIn.QUERY, ref = ApiDocument.PAGE_TOKEN)
    @Parameter(
            name = "status",
            in = ParameterIn.QUERY,
            description = "Only agents of this status.",
            schema = @Schema(implementation = AgentStatus.class))
    @Parameter(
            name = "tag_ids",
            in = ParameterIn.QUERY,
            description = "Only agents carrying any of these tags" + " (comma-separated, at most 100).",
            style = ParameterStyle.FORM,
            explode = Explode.FALSE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class))
    @APIResponse(responseCode = "400", description = ErrorReasons.PAGING + ErrorReasons.INVALID_TAG_IDS)
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_MANAGER)
    public AgentPage list(@Context UriInfo uri) {
        return agents.list(caller.get(), AgentListQuery.parse(uri.getQueryParameters()));
    }

    /** 200 with the agent, as the reference answers (its OpenAPI says 201; clients follow the code). */
    @POST
    @Operation(
            operationId = "createAgent",
            summary = "Create an agent",
            description = "A new agent of the caller's customer (a superadmin may name another customer), offline. The"
                    + " username is an email address, unique among all live agents; addresses are unique among the"
                    + " customer's live agents. Answers 200, as the reference does. Admins and managers, granting no"
                    + " permission bit they do not hold.")
    @APIResponse(responseCode = "200", description = "The agent, created")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_MANAGER + ErrorReasons.CANNOT_GRANT)
    @APIResponse(
            responseCode = "409",
            description = ErrorReasons.AGENT_ALREADY_EXISTS + ErrorReasons.ADDRESS_ALREADY_ASSIGNED)
    public Agent create(@Valid @NotNull(message = BODY_REQUIRED) CreateAgentRequest request) {
        return agents.create(caller.get(), request);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getAgent",
            summary = "Get an agent",
            description = "An agent, a deleted one too (with tm_delete). The agent itself, admins and managers.")
    @APIResponse(responseCode = "200", description = "The agent")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ALLOWED_ON_AGENT)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)
    public Agent get(@PathParam("id") String id) {
        return agents.get(caller.get(), Ids.pathId(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(
            operationId = "updateAgent",
            summary = "Update an agent's profile",
            description =
                    "Name, detail and ring method (absent: cleared, ring method ringall, as the reference), wrap-up,"
                            + " no-answer limit and answer confirmation (absent: kept). The agent itself, admins and managers.")
    @APIResponse(responseCode = "200", description = "The agent, updated")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ALLOWED_ON_AGENT)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)
    public Agent update(
            @PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) UpdateAgentRequest request) {
        return agents.updateProfile(caller.get(), Ids.pathId(id), request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteAgent",
            summary = "Delete an agent",
            description = "Soft delete: the agent answers with tm_delete set, its addresses and username are freed, and"
                    + " its tokens stop working at once. Admins and managers holding every bit the agent holds; never the"
                    + " customer's last admin, nor an agent in a live agentcall.")
    @APIResponse(responseCode = "200", description = "The agent, deleted")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ALLOWED_ON_AGENT)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = ErrorReasons.LAST_ADMIN + ErrorReasons.AGENT_IN_CALL)
    public Agent delete(@PathParam("id") String id) {
        return agents.delete(caller.get(), Ids.pathId(id));
    }

    @PUT
    @Path("/{id}/addresses")
    @Operation(
            operationId = "setAgentAddresses",
            summary = "Replace an agent's addresses",
            description =
                    "The addresses ring-all rings, in order (linear ringing follows it). tel targets are normalized"
                            + " to E.164, sip targets are user@host. Admins and managers.")
    @APIResponse(responseCode = "200", description = "The agent, with its new addresses")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ALLOWED_ON_AGENT)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = ErrorReasons.ADDRESS_ALREADY_ASSIGNED)
    public Agent updateAddresses(
            @PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) AddressesRequest request) {
        return agents.updateAddresses(caller.get(), Ids.pathId(id), request);
    }

    @PUT
    @Path("/{id}/tag_ids")
    @Operation(
            operationId = "setAgentTagIds",
            summary = "Replace an agent's tags",
            description =
                    "The tag ids the agent carries; an id naming no tag is kept, as the reference keeps it. Admins"
                            + " and managers.")
    @APIResponse(responseCode = "200", description = "The agent, with its new tags")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ALLOWED_ON_AGENT)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)
    public Agent updateTagIds(
            @PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) TagIdsRequest request) {
        return agents.updateTagIds(caller.get(), Ids.pathId(id), request);
    }

    @PUT
    @Path("/{id}/status")
    @Operation(
            operationId = "setAgentStatus",
            summary = "Set an agent's status",
            description = "available, away, busy or offline (ringing is ring-all's own). The agent itself, admins and"
                    + " managers. Sends agent_status_updated, even when the status stays as it was.")
    @APIResponse(responseCode = "200", description = "The agent, with its status")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ALLOWED_ON_AGENT)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)
    public Agent updateStatus(
            @PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) StatusRequest request) {
        return agents.updateStatus(caller.get(), Ids.pathId(id), request);
    }

    @GET
    @Path("/{id}/status_history")
    @Operation(
            operationId = "listAgentStatusHistory",
            summary = "List an agent's status changes",
            description = "Every change of the agent's status with its cause (the agent itself, a supervisor, a call:"
                    + " claim, answer, end, wrap-up over, no answer, max_no_answer, canceled, failed; the sweeper),"
                    + " newest first, kept 90 days (docs/status-history.md). The agent itself, admins and managers.")
    @APIResponse(responseCode = "200", description = "A page of status changes")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "Changed at or after (RFC 3339 with an offset);" + " default: 24 hours before to.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "Changed before (RFC 3339 with an offset); default:" + " now. At most 31 days after from.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = ApiDocument.PAGE_SIZE, in = ParameterIn.QUERY, ref = ApiDocument.PAGE_SIZE)
    @Parameter(name = ApiDocument.PAGE_TOKEN, in = ParameterIn.QUERY, ref = ApiDocument.PAGE_TOKEN)
    @APIResponse(responseCode = "400", description = ErrorReasons.HISTORY_WINDOW + ErrorReasons.PAGING)
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_OWN_CALLS)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)
    public StatusHistoryPage statusHistory(@PathParam("id") String id, @Context UriInfo uri) {
        return statusHistory.list(
                caller.get(), Ids.pathId(id), StatusHistoryQuery.parse(uri.getQueryParameters(), clock.instant()));
    }

    @PUT
    @Path("/{id}/permission")
    @Operation(
            operationId = "setAgentPermission",
            summary = "Set an agent's permission",
            description = "The permission bits (16 agent, 32 admin, 64 manager). Admins and managers holding every bit"
                    + " the agent holds and every bit granted; the customer's last admin keeps the admin bit.")
    @APIResponse(responseCode = "200", description = "The agent, with its new permission")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ALLOWED_ON_AGENT + ErrorReasons.CANNOT_GRANT)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = ErrorReasons.LAST_ADMIN)
    public Agent updatePermission(
            @PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) PermissionRequest request) {
        return agents.updatePermission(caller.get(), Ids.pathId(id), request);
    }

    @PUT
    @Path("/{id}/password")
    @Operation(
            operationId = "setAgentPassword",
            summary = "Set an agent's password",
            description = "8 characters to 72 bytes. Every token issued before is revoked. Admins and managers holding"
                    + " every bit the agent holds; the agent itself with its current_password.")
    @APIResponse(responseCode = "200", description = "The agent (its password is never shown)")
    @APIResponse(
            responseCode = "403",
            description = ErrorReasons.NOT_ALLOWED_ON_AGENT + ErrorReasons.CURRENT_PASSWORD_WRONG)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)
    @APIResponse(responseCode = "429", description = ErrorReasons.TOO_MANY_LOGINS)
    public Agent updatePassword(
            @PathParam("id") String id,
            @Valid @NotNull(message = BODY_REQUIRED) PasswordRequest request,
            @Context HttpServerRequest http) {
        return passwords.change(caller.get(), Ids.pathId(id), request, ClientAddress.of(http));
    }
}
