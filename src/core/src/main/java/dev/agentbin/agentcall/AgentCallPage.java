package dev.agentbin.agentcall;

import java.util.List;

/** The reference's list envelope: the token is empty only when the page is. */
public record AgentCallPage(List<AgentCall> result, String nextPageToken) {}
