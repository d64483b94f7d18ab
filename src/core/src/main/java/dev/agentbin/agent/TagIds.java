package dev.agentbin.agent;

import dev.agentbin.common.Ids;
import java.util.List;
import java.util.UUID;

/** Rules for a tag_ids array in a body: no nil id; stored without duplicates, in the order given. */
final class TagIds {

    static final String MESSAGE = "tag_ids holds at most 100 ids, none of them null or the nil UUID";

    private TagIds() {}

    static boolean valid(List<UUID> tagIds) {
        return tagIds == null
                || (tagIds.size() <= AgentListQuery.MAX_TAG_IDS
                        && tagIds.stream().allMatch(id -> id != null && !Ids.isNil(id)));
    }

    static UUID[] toColumn(List<UUID> tagIds) {
        return tagIds == null ? new UUID[0] : tagIds.stream().distinct().toArray(UUID[]::new);
    }
}
