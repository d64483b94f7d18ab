package dev.agentbin.agent;

import dev.agentbin.common.ApiException;
import dev.agentbin.common.Ids;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A validated list request: every query parameter is parsed here, each bad one a 400 with its reason. */
public record AgentListQuery(int pageSize, PageCursor after, AgentStatus status, List<UUID> tagIds) {

    public static final int MAX_PAGE_SIZE = 100;
    static final int MAX_TAG_IDS = 100;

    /** From the query string; a parameter given without a value ("tag_ids=") is present and empty. */
    public static AgentListQuery parse(Map<String, List<String>> parameters) {
        return new AgentListQuery(
                parsePageSize(first(parameters, "page_size")),
                parsePageToken(first(parameters, "page_token")),
                parseStatus(first(parameters, "status")),
                parseTagIds(first(parameters, "tag_ids")));
    }

    /** A query parameter's first value; "" when given without one, null when absent. */
    public static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        return values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    /** Like the reference (for every list): absent, zero, negative or over 100 means 100; not a number is a 400. */
    public static int parsePageSize(String text) {
        if (text == null || text.isBlank()) {
            return MAX_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(text.trim());
            return size <= 0 || size > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : size;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("INVALID_REQUEST_PARAMETER", "page_size must be an integer: " + text);
        }
    }

    /** Absent or blank: the first page. */
    public static PageCursor parsePageToken(String text) {
        return text == null || text.isBlank() ? null : PageCursor.parse(text.trim());
    }

    private static AgentStatus parseStatus(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return AgentStatus.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidArgument(e.getMessage());
        }
    }

    /** Comma-separated, any-of; present but empty, an invalid or nil id, or more than 100 ids is a 400. */
    private static List<UUID> parseTagIds(String text) {
        if (text == null) {
            return List.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            UUID id = Ids.parseOrNull(part.trim().toLowerCase(Locale.ROOT));
            if (id == null) {
                throw invalidTagIds("tag_ids must be a comma-separated list of non-nil UUIDs: '" + text + "'");
            }
            ids.add(id);
        }
        if (ids.size() > MAX_TAG_IDS) {
            throw invalidTagIds("tag_ids holds at most " + MAX_TAG_IDS + " ids");
        }
        return new ArrayList<>(ids);
    }

    private static ApiException invalidTagIds(String message) {
        return ApiException.invalid("INVALID_TAG_IDS", message);
    }
}
