package dev.agentbin.event;

import dev.agentbin.observe.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Moves events from the outbox to the delivery queue (only for customers with a webhook) and the event
 * bus, marking each side done only once it accepted the event. Rows are claimed with SKIP LOCKED, so
 * concurrent relays (the after-commit nudge, the scheduled function) never send one row at once; a
 * relay that dies after sending and before its commit leaves the rows to be sent again, with the same
 * id and body (receivers drop repeats by webhook-id).
 */
@ApplicationScoped
public class EventRelay {

    /** Rows per transaction: the locks are held while the batch is sent. */
    public static final int BATCH = 100;

    private static final String PENDING = """
            select o.id, o.customer_id, o.agent_id, o.seq, o.type, o.body, o.tm_create,
                   o.tm_queued is null, o.tm_published is null, w.customer_id is not null
              from event_outbox o left join customer_webhooks w on w.customer_id = o.customer_id
             where o.tm_queued is null or o.tm_published is null
             order by o.tm_create, o.seq
             limit :limit
               for update of o skip locked""";

    /**
     * What a relay run did: rows it claimed, events the queue and the bus accepted, and sends refused
     * (left in the outbox for the next run).
     */
    public record Result(int claimed, int queued, int published, int refused) {}

    private final EntityManager em;
    private final Optional<DeliveryQueue> queue;
    private final EventBus bus;

    public EventRelay(EntityManager em, EventChannels channels) {
        this.em = em;
        this.queue = channels.deliveryQueue();
        this.bus = channels.bus();
    }

    /** Whether this process relays at all (it knows the delivery queue). */
    public boolean enabled() {
        return queue.isPresent();
    }

    /** Relays batch after batch until the outbox is drained or the queue or the bus refuses something. */
    public Result relayAll() {
        Result total = new Result(0, 0, 0, 0);
        Result batch;
        do {
            batch = relayBatch(BATCH);
            total = new Result(
                    total.claimed() + batch.claimed(),
                    total.queued() + batch.queued(),
                    total.published() + batch.published(),
                    total.refused() + batch.refused());
        } while (batch.claimed() == BATCH && batch.refused() == 0);
        return total;
    }

    @Transactional
    Result relayBatch(int limit) {
        if (queue.isEmpty()) {
            return new Result(0, 0, 0, 0);
        }
        List<OutboxEvent> pending = pending(limit);
        if (!pending.isEmpty()) {
            // The oldest event not yet relayed (rows come oldest first): grows while the relay is stuck.
            Metrics.seconds(
                            "OutboxOldestAge",
                            Duration.between(pending.get(0).time(), Instant.now())
                                    .toSeconds())
                    .emit();
        }
        List<OutboxEvent> toQueue =
                pending.stream().filter(e -> e.toQueue() && e.hasWebhook()).toList();
        Set<UUID> queued = toQueue.isEmpty() ? Set.of() : queue.get().send(toQueue);
        List<UUID> queueSideDone = new ArrayList<>(queued);
        // Without a webhook there is nothing to deliver: the queue side is done.
        pending.stream().filter(e -> e.toQueue() && !e.hasWebhook()).forEach(e -> queueSideDone.add(e.id()));
        List<OutboxEvent> toBus = pending.stream().filter(OutboxEvent::toBus).toList();
        Set<UUID> published = toBus.isEmpty() ? Set.of() : bus.put(toBus);
        Instant now = Instant.now();
        mark("tm_queued", queueSideDone, now);
        mark("tm_published", published, now);
        return new Result(
                pending.size(),
                queued.size(),
                published.size(),
                toQueue.size() - queued.size() + toBus.size() - published.size());
    }

    /** Relayed events older than {@code cutoff} are dropped: the outbox is a hand-off, not an archive. */
    @Transactional
    public int purgeRelayedBefore(Instant cutoff) {
        return em.createNativeQuery("delete from event_outbox where tm_queued is not null and tm_published is not null"
                        + " and tm_create < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    private List<OutboxEvent> pending(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(PENDING).setParameter("limit", limit).getResultList();
        return rows.stream()
                .map(row -> new OutboxEvent(
                        (UUID) row[0],
                        (UUID) row[1],
                        (UUID) row[2],
                        ((Number) row[3]).longValue(),
                        EventType.valueOf(((String) row[4]).toUpperCase(Locale.ROOT)),
                        (String) row[5],
                        instant(row[6]),
                        (Boolean) row[7],
                        (Boolean) row[8],
                        (Boolean) row[9]))
                .toList();
    }

    private void mark(String column, Collection<UUID> ids, Instant now) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("update event_outbox set " + column + " = :now where id in (:ids)")
                    .setParameter("now", now)
                    .setParameter("ids", List.copyOf(ids))
                    .executeUpdate();
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
