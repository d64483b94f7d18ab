package dev.agentbin.agentcall;

import dev.agentbin.common.ApiException;
import dev.agentbin.common.Ids;
import java.util.UUID;

/** GET /v1.0/agentcalls?agent_id=&page_size=: whose agentcalls, and how many of the latest. */
public record RecentAgentCallsQuery(UUID agentId, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 10;
    public static final int MAX_PAGE_SIZE = 50;

    /** agent_id is required; page_size absent is 10, and like the agents list, out of range means the maximum. */
    public static RecentAgentCallsQuery parse(String agentId, String pageSize) {
        UUID agent = agentId == null ? null : Ids.parseOrNull(agentId.trim());
        if (agent == null) {
            throw ApiException.invalid("INVALID_REQUEST_PARAMETER", "agent_id must be an agent's id: '" + (agentId == null ? "" : agentId) + "'");
        }
        return new RecentAgentCallsQuery(agent, parsePageSize(pageSize));
    }

    private static int parsePageSize(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(text.trim());
            return size <= 0 || size > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : size;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("INVALID_REQUEST_PARAMETER", "page_size must be an integer: " + text);
        }
    }
}
