package dev.agentbin.agent;

import java.util.List;

/** The reference's list envelope, as the agent list has it: the token is empty only when the page is. */
public record StatusHistoryPage(List<StatusChange> result, String nextPageToken) {}
