package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** PUT .../status. {@code ringing} belongs to ring-all dispatch, which claims an agent atomically. */
public record StatusRequest(
        @NotNull(message = "status is required") AgentStatus status) {

    @JsonIgnore
    @AssertTrue(message = "status ringing is set by ring-all dispatch only")
    public boolean isStatusSettable() {
        return status != AgentStatus.RINGING;
    }
}
