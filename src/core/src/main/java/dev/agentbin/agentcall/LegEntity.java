package dev.agentbin.agentcall;

import dev.agentbin.agent.AddressType;
import dev.agentbin.agent.AnswerConfirmation;
import dev.agentbin.agent.EnumColumns;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code agent_call_legs}: one address rung for an agentcall, with when each step happened. */
@Entity
@Table(name = "agent_call_legs")
public class LegEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agent_call_id", nullable = false)
    public UUID agentCallId;

    @Column(nullable = false)
    public int idx;

    @Column(nullable = false)
    public String provider;

    @Convert(converter = EnumColumns.AddressTypeColumn.class)
    @Column(name = "address_type", nullable = false)
    public AddressType addressType;

    @Column(nullable = false)
    public String target;

    @Column(name = "address_detail", nullable = false)
    public String addressDetail;

    @Convert(converter = EnumColumns.AnswerConfirmationColumn.class)
    @Column(nullable = false)
    public AnswerConfirmation confirmation;

    @Column(name = "provider_call_id")
    public String providerCallId;

    @Convert(converter = AgentCallColumns.LegStatusColumn.class)
    @Column(nullable = false)
    public LegStatus status;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "tm_create", nullable = false)
    public Instant tmCreate;

    @Column(name = "tm_originate")
    public Instant tmOriginate;

    @Column(name = "tm_ringing")
    public Instant tmRinging;

    @Column(name = "tm_answer")
    public Instant tmAnswer;

    @Column(name = "tm_confirm")
    public Instant tmConfirm;

    @Column(name = "tm_end")
    public Instant tmEnd;
}
