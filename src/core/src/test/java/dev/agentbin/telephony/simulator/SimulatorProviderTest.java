package dev.agentbin.telephony.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.agentbin.common.StrictJson;
import dev.agentbin.telephony.Destination;
import dev.agentbin.telephony.Origination;
import dev.agentbin.testing.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator against a webhook receiver of our own that can hold events back: a call's events arrive
 * in script order however slowly its webhooks are answered, and a held-back call never holds up another.
 */
class SimulatorProviderTest {

    private static final String SECRET = "test-secret";
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final Map<UUID, List<String>> received = new ConcurrentHashMap<>();
    /** Events ("LEG-KIND") the receiver holds until the latch opens. */
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    /** Every event as it reaches the receiver ("LEG-KIND"), held or not. */
    private final List<String> arrived = new CopyOnWriteArrayList<>();

    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private SimulatorProvider simulator;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext(SimulatorEventTransport.EVENTS_PATH, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!SimulatorSignature.verify(
                    SECRET, body, exchange.getRequestHeaders().getFirst(SimulatorSignature.HEADER))) {
                badSignatures.add(new String(body));
            }
            JsonNode event = json.readTree(body);
            UUID leg = UUID.fromString(event.get("leg_id").asText());
            String kind = event.get("kind").asText();
            arrived.add(leg + "-" + kind);
            CountDownLatch hold = holds.get(leg + "-" + kind);
            if (hold != null) {
                await(hold);
            }
            received.computeIfAbsent(leg, l -> new CopyOnWriteArrayList<>())
                    .add(kind + ":" + event.get("detail").asText());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        simulator = new SimulatorProvider(
                settings("http://127.0.0.1:" + receiver.getAddress().getPort()), null, new StrictJson(json));
    }

    @AfterEach
    void stop() {
        simulator.stop();
        holds.values().forEach(CountDownLatch::countDown);
        receiver.stop(0);
    }

    @Test
    void aSlowWebhookDelaysItsOwnCallOnlyAndNeverReordersIt() {
        UUID slow = UUID.randomUUID();
        UUID busy = UUID.randomUUID();
        CountDownLatch release = hold(slow, "RINGING");
        simulator.originate(origination(slow, "sim:answer:30"));
        simulator.originate(origination(busy, "sim:busy:60"));

        // The slow call's ringing is held at the receiver; the other call rings and ends meanwhile.
        awaitEvents(busy, events -> events.size() == 2);
        assertEquals(List.of("RINGING:ringing", "ENDED:busy"), received.get(busy));
        assertEquals(List.of(), received.getOrDefault(slow, List.of()), "the slow call's first event is still held");

        release.countDown();
        awaitEvents(slow, events -> events.size() == 2);
        assertEquals(
                List.of("RINGING:ringing", "ANSWERED:in-progress"),
                received.get(slow),
                "answered after ringing, not before");
        assertTrue(badSignatures.isEmpty(), "every webhook is signed");
    }

    @Test
    void aHangupNeverOvertakesAnAnswerStillBeingDelivered() {
        UUID leg = UUID.randomUUID();
        CountDownLatch release = hold(leg, "ANSWERED");
        String callId = simulator.originate(origination(leg, "sim:answer:30"));
        Await.until("the answer to reach the receiver", () -> arrived.contains(leg + "-ANSWERED"));

        simulator.hangup(callId);
        release.countDown();

        awaitEvents(leg, events -> events.size() == 3);
        assertEquals(List.of("RINGING:ringing", "ANSWERED:in-progress", "ENDED:completed"), received.get(leg));
    }

    @Test
    void anAnswerScriptedBeforeTheRingStillComesAfterIt() {
        UUID leg = UUID.randomUUID();
        simulator.originate(origination(leg, "sim:answer:0"));
        awaitEvents(leg, events -> events.size() == 2);
        assertEquals(List.of("RINGING:ringing", "ANSWERED:in-progress"), received.get(leg));
    }

    @Test
    void aCallHungUpWhileRingingIsCanceledAndItsScriptStops() {
        UUID leg = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String callId = simulator.originate(origination(leg, "sim:busy:200"));
        awaitEvents(leg, events -> events.size() == 1);
        simulator.hangup(callId);
        awaitEvents(leg, events -> events.size() == 2);
        // A later call's busy end, scripted after the first call's, arrives; the first call's "busy" never does.
        simulator.originate(origination(marker, "sim:busy:400"));
        awaitEvents(marker, events -> events.size() == 2);
        assertEquals(List.of("RINGING:ringing", "ENDED:canceled"), received.get(leg));
        assertTrue(simulator.hungUp().contains(callId));
    }

    @Test
    void deliveriesRecordHowLateEachEventWasAgainstItsScript() {
        UUID leg = UUID.randomUUID();
        simulator.originate(origination(leg, "sim:busy:50"));
        awaitDeliveries(leg, 2);
        List<SimulatorProvider.Delivery> mine = simulator.recentDeliveries().stream()
                .filter(d -> d.legId().equals(leg))
                .toList();
        assertEquals(2, mine.size());
        assertTrue(
                mine.stream().allMatch(d -> d.accepted() && d.appliedLate().compareTo(d.sentLate()) >= 0),
                mine.toString());
    }

    private CountDownLatch hold(UUID leg, String kind) {
        CountDownLatch latch = new CountDownLatch(1);
        holds.put(leg + "-" + kind, latch);
        return latch;
    }

    private void awaitDeliveries(UUID leg, int count) {
        Await.until(
                count + " deliveries for leg " + leg,
                () -> simulator.recentDeliveries().stream()
                        .filter(d -> d.legId().equals(leg))
                        .count(),
                n -> n >= count);
    }

    private void awaitEvents(UUID leg, Predicate<List<String>> done) {
        Await.until("events for leg " + leg, () -> received.getOrDefault(leg, List.of()), done);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Origination origination(UUID legId, String directive) {
        Destination to = new Destination(Destination.Kind.SIP, "agent-" + legId + "@pbx.example.com", directive);
        return new Origination(legId, UUID.randomUUID(), "+15550001000", to, 30, Origination.Confirmation.NONE);
    }

    private static SimulatorSettings settings(String callbackBaseUrl) {
        return new SimulatorSettings() {
            @Override
            public Optional<String> callbackBaseUrl() {
                return Optional.of(callbackBaseUrl);
            }

            @Override
            public String secret() {
                return SECRET;
            }

            @Override
            public Duration originateLatency() {
                return Duration.ZERO;
            }
        };
    }
}
