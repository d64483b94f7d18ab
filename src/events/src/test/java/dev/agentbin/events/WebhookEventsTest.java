package dev.agentbin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.access.Permission;
import dev.agentbin.agent.Agent;
import dev.agentbin.agent.AgentService;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agent.PermissionRequest;
import dev.agentbin.agent.StatusRequest;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallLeg;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.event.EventRelay;
import dev.agentbin.observe.LogContext;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.testing.LocalSqs;
import dev.agentbin.testing.LogCapture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Events end to end: changes made through the real services (agent, status owner, agentcall with the
 * simulator) against PostgreSQL, the outbox relayed to a delivery queue on ElasticMQ, the Lambda SQS
 * event source played by {@link SqsEventSourceEmulator} in front of the webhook-delivery handler (mock
 * Lambda event server), and a local HTTP receiver as the customer's webhook. Relaying is explicit here
 * (the after-commit relay is off in tests), so a test can stop between a change and its relay.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Delivery.class)
class WebhookEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventTestData data;

    @Inject
    AgentService agents;

    @Inject
    AgentCallService agentCalls;

    @Inject
    EventRelay relay;

    @Inject
    EventsRelayHandler relayFunction;

    @Inject
    StubHostResolver dns;

    SqsClient sqs;
    EventQueues.Pair queues;
    SqsEventSourceEmulator eventSource;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        sqs = LocalSqs.client();
        queues = EventQueues.emptied(sqs);
        relay.relayAll(); // events earlier tests left behind (customers without a webhook are only marked)
        sqs.purgeQueue(b -> b.queueUrl(queues.queueUrl()));
        eventSource = new SqsEventSourceEmulator(sqs, queues.queueUrl());
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        sqs.close();
    }

    @Test
    void everyEventTypeArrivesSignedWithTheAgentOrAgentcallAsTheApiShowsIt() throws Exception {
        EventTestData.Customer customer = data.customerWithWebhook(receiver.url());
        Agent agent = data.agent(customer, "sim:no-answer", "sim:no-answer");
        agents.updateStatus(customer.admin(), agent.id(), new StatusRequest(AgentStatus.AVAILABLE));
        agents.updatePermission(
                customer.admin(),
                agent.id(),
                new PermissionRequest(Permission.CUSTOMER_AGENT | Permission.CUSTOMER_MANAGER));
        AgentCall call = agentCalls.dispatch(
                new RingRequest(agent.id(), customer.id(), "+15550100000", "crm-7", 60, "queue-1", null),
                "test:" + UUID.randomUUID());
        AgentCallLeg winner = call.legs().get(1);
        agentCalls.onLegEvent(
                SimulatorProvider.NAME,
                new LegEvent(
                        winner.id(), winner.providerCallId(), LegEvent.Kind.ANSWERED, "in-progress", Instant.now()));
        agentCalls.hangup(customer.admin(), call.id());
        agents.delete(customer.admin(), agent.id());

        relayAndDeliver();

        List<JsonNode> events = bodiesBySequence();
        assertEquals(
                List.of(
                        "agent_created",
                        "agent_status_updated",
                        "agent_updated",
                        "agent_status_updated",
                        "agentcall_created",
                        "agent_status_updated",
                        "agentcall_answered",
                        "agent_status_updated",
                        "agentcall_ended",
                        "agent_deleted"),
                events.stream().map(e -> e.get("type").asText()).toList());
        assertEquals(
                LongStream.rangeClosed(1, 10).boxed().toList(),
                events.stream().map(e -> e.get("sequence").asLong()).toList());
        for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
            assertEquals("POST", delivery.method());
            assertEquals("application/json", delivery.contentType());
            assertTrue(signatureValid(customer.secret(), delivery), delivery.toString());
            JsonNode body = JSON.readTree(delivery.body());
            assertEquals(delivery.id(), body.get("id").asText(), "webhook-id is the event id");
            assertNotNull(Instant.parse(body.get("time").asText()));
        }
        assertEquals(
                10,
                receiver.deliveries().stream()
                        .map(WebhookReceiver.Delivery::id)
                        .distinct()
                        .count());

        JsonNode created = events.get(0).get("data");
        assertEquals(agent.id().toString(), created.get("id").asText());
        assertEquals(customer.id().toString(), created.get("customer_id").asText());
        assertEquals(agent.username(), created.get("username").asText());
        assertEquals("offline", created.get("status").asText());
        assertEquals(2, created.get("addresses").size());
        assertFalse(created.has("password_hash") || created.has("passwordHash"));
        assertEquals(
                List.of("available", "ringing", "busy", "available"),
                events.stream()
                        .filter(e -> e.get("type").asText().equals("agent_status_updated"))
                        .map(e -> e.get("data").get("status").asText())
                        .toList());
        assertEquals(
                Permission.CUSTOMER_AGENT | Permission.CUSTOMER_MANAGER,
                events.get(2).get("data").get("permission").asLong());

        // agent_status_updated says why, in a cause beside data (data stays the agent); no other event has a cause.
        assertEquals(
                List.of(
                        "supervisor " + customer.admin().agentId() + " null null",
                        "claim null null " + call.id(),
                        "answer null null " + call.id(),
                        "end null null " + call.id()),
                events.stream()
                        .filter(e -> e.get("type").asText().equals("agent_status_updated"))
                        .map(e -> e.get("cause"))
                        .map(cause -> cause.get("type").asText() + " "
                                + cause.get("agent_id").asText() + " "
                                + cause.get("accesskey_id").asText() + " "
                                + cause.get("agentcall_id").asText())
                        .toList());
        for (JsonNode event : events) {
            List<String> keys = new ArrayList<>();
            event.fieldNames().forEachRemaining(keys::add);
            assertEquals(
                    event.get("type").asText().equals("agent_status_updated")
                            ? List.of("id", "type", "time", "sequence", "cause", "data")
                            : List.of("id", "type", "time", "sequence", "data"),
                    keys);
        }

        JsonNode ringing = events.get(4).get("data");
        assertEquals(call.id().toString(), ringing.get("id").asText());
        assertEquals(agent.id().toString(), ringing.get("agent_id").asText());
        assertEquals("ringing", ringing.get("status").asText());
        assertEquals("crm-7", ringing.get("reference_id").asText());
        assertEquals(2, ringing.get("legs").size());

        JsonNode answered = events.get(6).get("data");
        assertEquals("answered", answered.get("status").asText());
        assertEquals(winner.id().toString(), answered.get("answered_leg_id").asText());
        Map<String, String> legStatuses = new java.util.HashMap<>();
        answered.get("legs")
                .forEach(leg -> legStatuses.put(
                        leg.get("id").asText(), leg.get("status").asText()));
        assertEquals("answered", legStatuses.get(winner.id().toString()));
        assertEquals("canceled", legStatuses.get(call.legs().get(0).id().toString()));

        JsonNode ended = events.get(8).get("data");
        assertEquals("completed", ended.get("status").asText());
        assertEquals("caller hung up", ended.get("end_reason").asText());
        assertEquals(2, ended.get("legs").size());
        ended.get("legs").forEach(leg -> assertTrue(leg.has("tm_end"), leg.toString()));

        JsonNode deleted = events.get(9).get("data");
        assertTrue(deleted.has("tm_delete"));
        assertEquals(0, deleted.get("addresses").size());
    }

    /**
     * The name is resolved once per delivery and the connection goes to the address that was checked:
     * a second lookup (what an HTTP client resolving the name again would do) would get an address
     * nothing listens on, as a rebinding DNS server would answer. The name still goes out as Host.
     */
    @Test
    void aDeliveryConnectsToTheAddressItCheckedAndSendsTheNameAsHost() throws Exception {
        String host = "rebinding.hooks.test";
        InetAddress receiverAddress = InetAddress.getByName("127.0.0.1");
        dns.answer(host, List.of(receiverAddress));
        EventTestData.Customer customer = data.customerWithWebhook(receiver.url(host));
        data.agent(customer);
        dns.answer(host, List.of(receiverAddress), List.of(InetAddress.getByName("127.0.0.2")));

        relayAndDeliver();

        assertEquals(1, receiver.deliveries().size(), "delivered to the address the check saw");
        assertEquals(host + ":" + receiver.port(), receiver.deliveries().get(0).host());
        assertEquals(1, dns.lookups(host), "one lookup for the check and the connection");
    }

    @Test
    void aReceiverAnswering500GetsTheEventLaterAndOneThatStaysDownLeavesItInTheDeadLetterQueue() throws Exception {
        EventTestData.Customer customer = data.customerWithWebhook(receiver.url());
        receiver.answering(500, 503);
        Agent agent = data.agent(customer);
        relay.relayAll();

        assertEquals(1, eventSource.poll().failedIds().size(), "500: failed");
        assertTrue(eventSource.poll().empty(), "the retry waits out its backoff instead of coming straight back");
        eventSource.redeliverNow();
        assertEquals(1, eventSource.poll().failedIds().size(), "503: failed again");
        eventSource.redeliverNow();
        SqsEventSourceEmulator.Round third = eventSource.poll();
        assertEquals(Set.of(), third.failedIds());
        assertEquals(1, third.deletedIds().size(), "delivered on the third try");
        List<WebhookReceiver.Delivery> tries = receiver.deliveries();
        assertEquals(3, tries.size());
        assertEquals(
                1, tries.stream().map(WebhookReceiver.Delivery::id).distinct().count(), "every try is the same event");
        assertEquals(
                1, tries.stream().map(WebhookReceiver.Delivery::body).distinct().count());
        for (WebhookReceiver.Delivery delivery : tries) {
            assertTrue(signatureValid(customer.secret(), delivery));
        }

        receiver.down();
        agents.updateStatus(customer.admin(), agent.id(), new StatusRequest(AgentStatus.AWAY));
        relay.relayAll();
        try (LogCapture log = LogCapture.start()) {
            for (int receive = 1; receive <= EventQueues.MAX_RECEIVE_COUNT; receive++) {
                assertEquals(1, eventSource.poll().failedIds().size(), "receiver down, try " + receive);
                eventSource.redeliverNow();
            }
            List<String> metrics = log.metricLines();
            assertEquals(
                    List.of("retried", "retried", "dead_lettered"),
                    metrics.stream()
                            .filter(m -> m.contains("\"Deliveries\""))
                            .map(m -> m.replaceAll(".*\"Result\":\"([a-z_0-9]+)\".*", "$1"))
                            .toList());
            assertEquals(
                    EventQueues.MAX_RECEIVE_COUNT,
                    metrics.stream()
                            .filter(m -> m.contains("\"CustomerId\":\"" + customer.id() + "\"")
                                    && m.contains("\"CustomerDeliveryFailures\""))
                            .count());
            assertTrue(
                    metrics.stream()
                            .filter(m -> m.contains("\"Deliveries\""))
                            .noneMatch(m -> m.contains("\"CustomerId\"")),
                    "one customer's receiver stays out of the platform-wide metric");
            assertTrue(log.lines().stream()
                    .anyMatch(line -> line.level().intValue() >= java.util.logging.Level.SEVERE.intValue()
                            && line.message().contains("dead-letter")
                            && customer.id().toString().equals(line.mdc().get(LogContext.CUSTOMER_ID))));
        }
        assertTrue(eventSource.poll().empty(), "given up after the last try");
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(queues.deadLetterQueueUrl())
                        .waitTimeSeconds(1)
                        .messageAttributeNames("All"))
                .messages();
        assertEquals(1, dead.size());
        JsonNode body = JSON.readTree(dead.get(0).body());
        assertEquals("agent_status_updated", body.get("type").asText());
        assertEquals(
                body.get("id").asText(),
                dead.get(0).messageAttributes().get("event_id").stringValue());
        assertEquals(3, receiver.deliveries().size(), "nothing reached the receiver while it was down");
    }

    @Test
    void anEventCommittedButNeverRelayedGoesOutWithTheScheduledRelay() throws Exception {
        EventTestData.Customer customer = data.customerWithWebhook(receiver.url());
        Agent agent = data.agent(customer);
        // The process that made the change is gone before relaying (here: no relay ran at all).
        List<EventTestData.Row> outbox = data.outboxOf(agent.id());
        assertEquals(1, outbox.size());
        assertFalse(outbox.get(0).queued());
        assertTrue(eventSource.poll().empty(), "nothing was queued yet");

        EventsRelayHandler.Run run = relayFunction.handleRequest(Map.of(), null);

        assertTrue(run.queued() >= 1, run.toString());
        assertTrue(data.outboxOf(agent.id()).get(0).queued());
        relayAndDeliver();
        assertEquals(1, receiver.deliveries().size());
        assertEquals(outbox.get(0).id().toString(), receiver.deliveries().get(0).id());
        assertEquals(outbox.get(0).body(), receiver.deliveries().get(0).body());
    }

    @Test
    void duplicateDeliveriesCarryTheSameIdAndBody() {
        EventTestData.Customer customer = data.customerWithWebhook(receiver.url());
        Agent agent = data.agent(customer);
        // A relay that sent the event but died before marking it: the next relay sends it again.
        relay.relayAll();
        data.forgetQueued(data.outboxOf(agent.id()).get(0).id());
        relay.relayAll();
        relayAndDeliver();
        // A delivery function that delivered but died before the queue heard of it.
        agents.updateStatus(customer.admin(), agent.id(), new StatusRequest(AgentStatus.AVAILABLE));
        relay.relayAll();
        eventSource.crashingAfterInvocation().poll();
        eventSource.redeliverNow();
        eventSource.deletingSuccesses();
        relayAndDeliver();

        Map<String, List<WebhookReceiver.Delivery>> byId =
                receiver.deliveries().stream().collect(Collectors.groupingBy(WebhookReceiver.Delivery::id));
        assertEquals(2, byId.size());
        byId.values().forEach(copies -> {
            assertEquals(2, copies.size(), "delivered twice");
            assertEquals(copies.get(0).body(), copies.get(1).body());
            copies.forEach(copy -> assertTrue(signatureValid(customer.secret(), copy)));
        });
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        EventTestData.Customer customer = data.customerWithWebhook(receiver.url());
        Agent agent = data.agent(customer);

        QuarkusTransaction.begin();
        agents.updateStatus(customer.admin(), agent.id(), new StatusRequest(AgentStatus.AVAILABLE));
        QuarkusTransaction.rollback();

        assertEquals(
                List.of("agent_created"),
                data.outboxOf(agent.id()).stream().map(EventTestData.Row::type).toList());
        relayAndDeliver();
        assertEquals(1, receiver.deliveries().size());
        assertTrue(receiver.deliveries().get(0).body().contains("\"type\":\"agent_created\""));
    }

    @Test
    void perAgentSequenceNumbersFollowTheOrderOfConcurrentChanges() throws Exception {
        EventTestData.Customer customer = data.customerWithWebhook(receiver.url());
        Agent agent = data.agent(customer);
        int writers = 6;
        int writesEach = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                AgentStatus status = w % 2 == 0 ? AgentStatus.AVAILABLE : AgentStatus.AWAY;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < writesEach; i++) {
                        agents.updateStatus(customer.admin(), agent.id(), new StatusRequest(status));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        List<EventTestData.Row> rows = data.outboxOf(agent.id());
        int total = 1 + writers * writesEach;
        assertEquals(
                LongStream.rangeClosed(1, total).boxed().toList(),
                rows.stream().map(EventTestData.Row::seq).toList(),
                "one number per event, none skipped or repeated");
        // Each writer held the agent's lock while it took its number: by number, the changes are in order.
        Instant previous = Instant.MIN;
        for (EventTestData.Row row : rows.subList(1, rows.size())) {
            JsonNode agentData = JSON.readTree(row.body()).get("data");
            Instant changed = Instant.parse(agentData.get("tm_update").asText());
            assertFalse(changed.isBefore(previous), "sequence " + row.seq() + " changed before its predecessor");
            previous = changed;
        }
        relayAndDeliver();
        assertEquals(
                LongStream.rangeClosed(1, total).boxed().collect(Collectors.toSet()),
                bodiesBySequence().stream().map(e -> e.get("sequence").asLong()).collect(Collectors.toSet()));
    }

    /** Relays the outbox, then lets the event source feed the delivery function until the queue is empty. */
    private void relayAndDeliver() {
        relay.relayAll();
        while (!eventSource.poll().empty()) {
            // keep polling: a batch holds at most ten messages
        }
    }

    private List<JsonNode> bodiesBySequence() {
        return receiver.deliveries().stream()
                .map(d -> {
                    try {
                        return JSON.readTree(d.body());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .sorted(Comparator.comparingLong(e -> e.get("sequence").asLong()))
                .toList();
    }

    /** The receiver's side of Standard Webhooks, written independently of the sender's code. */
    static boolean signatureValid(String secret, WebhookReceiver.Delivery delivery) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1,"
                    + Base64.getEncoder()
                            .encodeToString(
                                    mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                                            .getBytes(StandardCharsets.UTF_8)));
            return List.of(delivery.signature().split(" ")).contains(expected);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
