package dev.agentbin.agent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code agent_addresses}; {@code idx} is the request order, which is also the ring order for
 * {@code linear}. Kept apart from {@link AgentEntity} so replacing a set is "delete, flush, insert" and
 * never trips the (customer, type, target) unique index on the agent's own old rows.
 */
@Entity
@Table(name = "agent_addresses")
public class AddressEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Convert(converter = EnumColumns.AddressTypeColumn.class)
    @Column(nullable = false)
    public AddressType type;

    @Column(nullable = false)
    public String target;

    @Column(name = "target_name", nullable = false)
    public String targetName;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String detail;

    /** Overrides the agent's answer confirmation for this address; null: the agent's. */
    @Convert(converter = EnumColumns.AnswerConfirmationColumn.class)
    @Column(name = "answer_confirmation")
    public AnswerConfirmation answerConfirmation;

    @Column(nullable = false)
    public int idx;

    @Column(name = "tm_create", nullable = false)
    public Instant tmCreate;
}
