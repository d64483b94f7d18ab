package dev.agentbin.agent;

import dev.agentbin.common.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /v1.0/agents/{id}/status_history: the changes made within [from, to) and which page of them. Without
 * from and to, the last 24 hours; to alone means the 24 hours before it, from alone up to now. A window is
 * at most 31 days, so one request never reads more than a month of an agent's history. Paging is the agent
 * list's (page_size, page_token). Every bad parameter is a 400.
 */
public record StatusHistoryQuery(Instant from, Instant to, int pageSize, PageCursor after) {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    static final Duration LONGEST_WINDOW = Duration.ofDays(31);

    /** @param now what "the last 24 hours" and "up to now" are counted from */
    public static StatusHistoryQuery parse(Map<String, List<String>> parameters, Instant now) {
        Instant from = TimeParameter.parse("from", AgentListQuery.first(parameters, "from"));
        Instant to = TimeParameter.parse("to", AgentListQuery.first(parameters, "to"));
        boolean toGiven = to != null;
        to = toGiven ? to : now;
        from = from != null ? from : to.minus(DEFAULT_WINDOW);
        if (!from.isBefore(to)) {
            throw invalidParameter(toGiven ? "from must be before to" : "from must be before now (to is absent)");
        }
        if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
            throw invalidParameter("the window from " + from + " to " + to + " is longer than 31 days");
        }
        return new StatusHistoryQuery(
                from,
                to,
                AgentListQuery.parsePageSize(AgentListQuery.first(parameters, "page_size")),
                AgentListQuery.parsePageToken(AgentListQuery.first(parameters, "page_token")));
    }

    private static ApiException invalidParameter(String message) {
        return ApiException.invalid("INVALID_REQUEST_PARAMETER", message);
    }
}
