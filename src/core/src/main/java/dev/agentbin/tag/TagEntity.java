package dev.agentbin.tag;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code tag_tags}: one named tag of a customer. */
@Entity
@Table(name = "tag_tags")
public class TagEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String detail;

    @Column(name = "tm_create", nullable = false)
    public Instant tmCreate;

    @Column(name = "tm_update")
    public Instant tmUpdate;

    @Column(name = "tm_delete")
    public Instant tmDelete;
}
