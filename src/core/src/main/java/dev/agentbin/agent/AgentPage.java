package dev.agentbin.agent;

import java.util.List;

/** The reference's list envelope: the token is empty only when the page is. */
public record AgentPage(List<Agent> result, String nextPageToken) {}
