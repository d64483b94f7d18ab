package dev.agentbin.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import java.util.List;
import java.util.UUID;

/** PUT /v1.0/agents/{id}/tag_ids: the full new set; absent or empty clears it. */
public record TagIdsRequest(List<UUID> tagIds) {

    @JsonIgnore
    @AssertTrue(message = TagIds.MESSAGE)
    public boolean isTagIdsValid() {
        return TagIds.valid(tagIds);
    }
}
