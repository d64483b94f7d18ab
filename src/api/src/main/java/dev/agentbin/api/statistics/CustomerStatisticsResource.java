package dev.agentbin.api.statistics;

import dev.agentbin.agent.AgentStatisticsService;
import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.api.web.ErrorReasons;
import dev.agentbin.stats.CustomerStatistics;
import dev.agentbin.stats.StatusCounts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** /v1.0/agent_statistics: the customer's agents for its admins and managers (docs/statistics.md). */
@Tag(
        name = "Statistics",
        description = "What a supervisor asks: per agent and per customer over whole UTC days,"
                + " from daily rollups kept as calls and statuses change, and the counts by status now.")
@Path("/v1.0/agent_statistics")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerStatisticsResource {

    private final AgentStatisticsService statistics;
    private final CurrentCaller caller;

    public CustomerStatisticsResource(AgentStatisticsService statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listAgentStatistics",
            summary = "Get the statistics of every agent of the customer",
            description =
                    "Every live agent of the caller's customer in one page, newest first, with the figures of"
                            + " getAgentStatistics, and their total, over whole UTC days (docs/statistics.md). Admins and managers.")
    @APIResponse(responseCode = "200", description = "Each agent's figures and the total over the window")
    @APIResponse(responseCode = "400", description = ErrorReasons.STATISTICS_WINDOW)
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_MANAGER)
    public CustomerStatistics list(
            @Parameter(description = StatisticsParameters.FROM) @QueryParam("from") String from,
            @Parameter(description = StatisticsParameters.TO) @QueryParam("to") String to) {
        return statistics.ofCustomer(caller.get(), from, to);
    }

    @GET
    @Path("/now")
    @Operation(
            operationId = "countAgentsByStatus",
            summary = "Count the customer's agents by status now",
            description = "How many of the customer's live agents are available, ringing, busy (on a call), wrapping"
                    + " up, away and offline right now. Admins and managers.")
    @APIResponse(responseCode = "200", description = "The counts")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_MANAGER)
    public StatusCounts now() {
        return statistics.now(caller.get());
    }
}
