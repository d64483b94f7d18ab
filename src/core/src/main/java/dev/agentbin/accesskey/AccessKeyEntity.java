package dev.agentbin.accesskey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code customer_accesskeys}: one key of a customer, with the hash of its secret. */
@Entity
@Table(name = "customer_accesskeys")
public class AccessKeyEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String detail;

    @Column(nullable = false)
    public long permission;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "token_prefix", nullable = false)
    public String tokenPrefix;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "tm_expire", nullable = false)
    public Instant tmExpire;

    @Column(name = "tm_create", nullable = false)
    public Instant tmCreate;

    @Column(name = "tm_update")
    public Instant tmUpdate;

    @Column(name = "tm_delete")
    public Instant tmDelete;
}
