package dev.agentbin.agentcall;

import dev.agentbin.agent.AgentListQuery;
import dev.agentbin.agent.PageCursor;
import dev.agentbin.agent.TimeParameter;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.Ids;
import dev.agentbin.common.WireEnum;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * GET /v1.0/agentcalls: whose agentcalls (one agent, or the whole customer when agent_id is absent), which
 * ones (started within [from, to), in one of the statuses) and which page. Every bad parameter is a 400.
 */
public record AgentCallListQuery(
        UUID agentId, int pageSize, PageCursor after, Instant from, Instant to, Set<AgentCallStatus> statuses) {

    public static final int DEFAULT_PAGE_SIZE = 10;
    /** Each agentcall carries its legs, so a page holds fewer of them than a page of agents. */
    public static final int MAX_PAGE_SIZE = 50;

    public static AgentCallListQuery parse(Map<String, List<String>> parameters) {
        Instant from = TimeParameter.parse("from", AgentListQuery.first(parameters, "from"));
        Instant to = TimeParameter.parse("to", AgentListQuery.first(parameters, "to"));
        if (from != null && to != null && !from.isBefore(to)) {
            throw invalidParameter("from must be before to");
        }
        return new AgentCallListQuery(
                parseAgentId(AgentListQuery.first(parameters, "agent_id")),
                parsePageSize(AgentListQuery.first(parameters, "page_size")),
                AgentListQuery.parsePageToken(AgentListQuery.first(parameters, "page_token")),
                from,
                to,
                parseStatuses(AgentListQuery.first(parameters, "status")));
    }

    /** Absent: the customer's; present, it must name an agent. */
    private static UUID parseAgentId(String text) {
        if (text == null) {
            return null;
        }
        UUID agent = Ids.parseOrNull(text.trim());
        if (agent == null) {
            throw invalidParameter("agent_id must be an agent's id: '" + text + "'");
        }
        return agent;
    }

    /** Absent is 10; like every list, zero, negative or over the maximum means the maximum. */
    private static int parsePageSize(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(text.trim());
            return size <= 0 || size > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : size;
        } catch (NumberFormatException e) {
            throw invalidParameter("page_size must be an integer: " + text);
        }
    }

    /** Comma-separated, any of; absent or empty: every status. */
    private static Set<AgentCallStatus> parseStatuses(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<AgentCallStatus> statuses = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            try {
                statuses.add(WireEnum.parse(AgentCallStatus.class, "status", part.trim()));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidArgument(e.getMessage());
            }
        }
        return statuses;
    }

    private static ApiException invalidParameter(String message) {
        return ApiException.invalid("INVALID_REQUEST_PARAMETER", message);
    }
}
