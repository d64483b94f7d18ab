package dev.agentbin.event;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code customer_webhooks}: one customer's webhook and signing secrets. */
@Entity
@Table(name = "customer_webhooks")
public class WebhookSettingsEntity extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "webhook_uri", nullable = false)
    public String webhookUri;

    @Column(name = "webhook_method", nullable = false)
    public String webhookMethod;

    @Column(name = "signing_secret", nullable = false)
    public String signingSecret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "tm_create", nullable = false)
    public Instant tmCreate;

    @Column(name = "tm_update")
    public Instant tmUpdate;
}
