package dev.agentbin.api.agentcall;

import dev.agentbin.agentcall.AgentCall;
import java.util.List;

/** The list envelope of the reference's lists ({@code result}); the latest agentcalls need no paging. */
public record AgentCallList(List<AgentCall> result) {
}
