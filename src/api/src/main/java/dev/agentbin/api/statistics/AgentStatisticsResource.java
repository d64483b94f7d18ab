package dev.agentbin.api.statistics;

import dev.agentbin.agent.AgentStatisticsService;
import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.common.Ids;
import dev.agentbin.stats.AgentStatistics;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** /v1.0/agents/{id}/statistics: one agent's figures over a window of UTC days (docs/statistics.md). */
@Path("/v1.0/agents/{id}/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class AgentStatisticsResource {

    private final AgentStatisticsService statistics;
    private final CurrentCaller caller;

    public AgentStatisticsResource(AgentStatisticsService statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    /** The agent itself, or an admin or manager of its customer; another customer's agent is 404. */
    @GET
    public AgentStatistics get(@PathParam("id") String id,
            @Parameter(description = StatisticsParameters.FROM) @QueryParam("from") String from,
            @Parameter(description = StatisticsParameters.TO) @QueryParam("to") String to) {
        return statistics.ofAgent(caller.get(), Ids.pathId(id), from, to);
    }
}
