package dev.agentbin.api.statistics;

import dev.agentbin.agent.AgentStatisticsService;
import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.api.web.ErrorReasons;
import dev.agentbin.common.Ids;
import dev.agentbin.stats.AgentStatistics;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** /v1.0/agents/{id}/statistics: one agent's figures over a window of UTC days (docs/statistics.md). */
@Tag(name = "Statistics")
@Path("/v1.0/agents/{id}/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class AgentStatisticsResource {

    private final AgentStatisticsService statistics;
    private final CurrentCaller caller;

    public AgentStatisticsResource(AgentStatisticsService statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getAgentStatistics",
            summary = "Get an agent's statistics",
            description =
                    "Rings offered, answered, missed, canceled and failed, answer rate, time to answer (mean, p50,"
                            + " p90), talk and wrap-up time, and time in each status, over whole UTC days (docs/statistics.md)."
                            + " The agent itself, admins and managers; another customer's agent is 404.")
    @APIResponse(responseCode = "200", description = "The agent's figures over the window")
    @APIResponse(responseCode = "400", description = ErrorReasons.STATISTICS_WINDOW)
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_OWN_CALLS)
    @APIResponse(responseCode = "404", description = ErrorReasons.AGENT_NOT_FOUND)
    public AgentStatistics get(
            @PathParam("id") String id,
            @Parameter(description = StatisticsParameters.FROM) @QueryParam("from") String from,
            @Parameter(description = StatisticsParameters.TO) @QueryParam("to") String to) {
        return statistics.ofAgent(caller.get(), Ids.pathId(id), from, to);
    }
}
