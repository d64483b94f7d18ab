package dev.agentbin.agent;

import java.util.List;

/** Entity to public view. */
final class AgentMapper {

    private AgentMapper() {}

    static Agent toAgent(AgentEntity entity, List<Address> addresses) {
        return new Agent(
                entity.id,
                entity.customerId,
                entity.username,
                entity.name,
                entity.detail,
                entity.ringMethod,
                entity.status,
                entity.permission,
                List.of(entity.tagIds),
                List.copyOf(addresses),
                entity.wrapupSeconds,
                entity.maxNoAnswer,
                entity.answerConfirmation,
                entity.tmCreate,
                entity.tmUpdate,
                entity.tmDelete);
    }
}
