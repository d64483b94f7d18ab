package dev.agentbin.agent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code agent_status_changes}: one change of an agent's status and its cause. Rows are written
 * by {@link StatusChangeRepository#insert} (with the database's clock) and never changed, only read and,
 * past retention, deleted.
 */
@Entity
@Immutable
@Table(name = "agent_status_changes")
public class StatusChangeEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Convert(converter = EnumColumns.AgentStatusColumn.class)
    @Column(name = "previous_status", nullable = false)
    public AgentStatus previousStatus;

    @Convert(converter = EnumColumns.AgentStatusColumn.class)
    @Column(nullable = false)
    public AgentStatus status;

    @Convert(converter = EnumColumns.StatusCauseTypeColumn.class)
    @Column(name = "cause_type", nullable = false)
    public StatusCauseType causeType;

    @Column(name = "cause_agent_id")
    public UUID causeAgentId;

    @Column(name = "cause_accesskey_id")
    public UUID causeAccessKeyId;

    @Column(name = "cause_agentcall_id")
    public UUID causeAgentCallId;

    @Column(name = "tm_create", nullable = false)
    public Instant tmCreate;

    StatusChange toStatusChange() {
        return new StatusChange(
                id,
                agentId,
                previousStatus,
                status,
                new StatusCause(causeType, causeAgentId, causeAccessKeyId, causeAgentCallId),
                tmCreate);
    }
}
