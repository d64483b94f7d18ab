package dev.agentbin.agentcall;

import dev.agentbin.agent.EnumColumns;
import dev.agentbin.agent.RingMethod;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code agent_calls}: one ring of one agent, from claim to its end. */
@Entity
@Table(name = "agent_calls")
public class AgentCallEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(name = "dispatch_key", nullable = false)
    public String dispatchKey;

    @Column(nullable = false)
    public String source;

    @Column(name = "reference_id", nullable = false)
    public String referenceId;

    @Column(name = "join_target", nullable = false)
    public String joinTarget;

    @Convert(converter = EnumColumns.RingMethodColumn.class)
    @Column(name = "ring_method", nullable = false)
    public RingMethod ringMethod;

    @Convert(converter = AgentCallColumns.CallStatusColumn.class)
    @Column(nullable = false)
    public AgentCallStatus status;

    @Column(name = "ring_timeout", nullable = false)
    public int ringTimeout;

    @Column(nullable = false)
    public Instant deadline;

    @Column(name = "answered_leg_id")
    public UUID answeredLegId;

    @Column(name = "end_reason")
    public String endReason;

    /** Linear ringing: seconds each address rings before the next is tried (null for ringall). */
    @Column(name = "address_timeout")
    public Integer addressTimeout;

    /** The fingerprint of the request that made this agentcall (see {@link RingRequest#fingerprint()}). */
    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "tm_create", nullable = false)
    public Instant tmCreate;

    @Column(name = "tm_answer")
    public Instant tmAnswer;

    @Column(name = "tm_end")
    public Instant tmEnd;
}
