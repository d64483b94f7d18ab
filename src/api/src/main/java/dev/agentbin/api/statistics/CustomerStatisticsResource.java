package dev.agentbin.api.statistics;

import dev.agentbin.agent.AgentStatisticsService;
import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.stats.CustomerStatistics;
import dev.agentbin.stats.StatusCounts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** /v1.0/agent_statistics: the customer's agents for its admins and managers (docs/statistics.md). */
@Path("/v1.0/agent_statistics")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerStatisticsResource {

    private final AgentStatisticsService statistics;
    private final CurrentCaller caller;

    public CustomerStatisticsResource(AgentStatisticsService statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    /** Every live agent of the caller's customer, in one page, newest first, and their total. */
    @GET
    public CustomerStatistics list(@Parameter(description = StatisticsParameters.FROM) @QueryParam("from") String from,
            @Parameter(description = StatisticsParameters.TO) @QueryParam("to") String to) {
        return statistics.ofCustomer(caller.get(), from, to);
    }

    /** How many of the customer's live agents are available, ringing, busy, wrapping up, away and offline right now. */
    @GET
    @Path("/now")
    public StatusCounts now() {
        return statistics.now(caller.get());
    }
}
