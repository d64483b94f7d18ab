package dev.agentbin.agent;

import dev.agentbin.access.AccessPolicy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code agent_agents}. Addresses live in their own table (see {@link AddressEntity}). */
@Entity
@Table(name = "agent_agents")
public class AgentEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String detail;

    @Convert(converter = EnumColumns.RingMethodColumn.class)
    @Column(name = "ring_method", nullable = false)
    public RingMethod ringMethod;

    @Convert(converter = EnumColumns.AgentStatusColumn.class)
    @Column(nullable = false)
    // A new agent starts offline; from then on only AgentStatusOwner writes it.
    public AgentStatus status = AgentStatus.OFFLINE;

    @Column(nullable = false)
    public long permission;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tag_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] tagIds;

    /** Seconds an agent stays busy after an answered ring-all call ends. */
    @Column(name = "wrapup_seconds", nullable = false)
    public int wrapupSeconds;

    /** Consecutive unanswered rings after which the agent is set away (0: never). */
    @Column(name = "max_no_answer", nullable = false)
    public int maxNoAnswer = 3;

    /** What makes an answered leg the winner (see {@link AnswerConfirmation}); addresses may override it. */
    @Convert(converter = EnumColumns.AnswerConfirmationColumn.class)
    @Column(name = "answer_confirmation", nullable = false)
    public AnswerConfirmation answerConfirmation = AnswerConfirmation.NONE;

    @Column(name = "missed_rings", nullable = false)
    public int missedRings;

    /** Moved on by every password change: tokens issued in an older epoch are refused. */
    @Column(name = "token_epoch", nullable = false)
    public long tokenEpoch;

    /** The agentcall holding the agent (see {@link AgentStatusRules}); null when none does. */
    @Column(name = "status_call_id")
    public UUID statusCallId;

    /** Set while the agent wraps up after the holding call; the sweeper frees it then. */
    @Column(name = "wrapup_until")
    public Instant wrapupUntil;

    /** When the current status began, wrap-up counting as one of its own (see {@link AgentStatusTime}). */
    @Column(name = "status_since", nullable = false)
    public Instant statusSince;

    @Column(name = "tm_create", nullable = false)
    public Instant tmCreate;

    @Column(name = "tm_update")
    public Instant tmUpdate;

    @Column(name = "tm_delete")
    public Instant tmDelete;

    public boolean isDeleted() {
        return tmDelete != null;
    }

    /** The agent as the access policy reads it. */
    public AccessPolicy.Target accessTarget() {
        return new AccessPolicy.Target(id, customerId, permission);
    }
}
