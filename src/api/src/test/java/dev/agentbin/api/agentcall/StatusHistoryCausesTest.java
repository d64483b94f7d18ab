package dev.agentbin.api.agentcall;

import static dev.agentbin.api.agentcall.RingTestSupport.status;
import static dev.agentbin.api.support.Api.as;
import static dev.agentbin.api.support.Api.withKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.access.Permission;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.SweepResult;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.testing.SweepWindow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Every cause of a status change, in one known sequence of one agent driven through the API, the simulator
 * and the sweeper: the status history holds exactly one row per change with its cause, and every
 * agent_status_updated event (a write that changed nothing included) carries the same cause.
 */
@QuarkusTest
class StatusHistoryCausesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestAgents seeds;

    @Inject
    SimulatorProvider simulator;

    @Inject
    AgentCallService agentCalls;

    @Inject
    EntityManager db;

    @Test
    void eachChangeIsStoredOnceWithItsCauseAndItsEventCarriesTheSame() throws IOException {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        TestAgents.Seeded jane = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT);
        RingTestSupport rings = new RingTestSupport(admin);
        UUID agent = jane.id();
        as(admin)
                .body(Map.of("name", "Jane", "wrapup_seconds", 30, "max_no_answer", 2))
                .put("/v1.0/agents/" + agent)
                .then()
                .statusCode(200);
        JsonPath key = as(admin)
                .body(Map.of("name", "pbx", "expire", 86_400))
                .post("/v1.0/accesskeys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> changes = new ArrayList<>();
        List<String> events = new ArrayList<>();

        setStatus(as(jane), agent, "away");
        changes.add(chosen("offline", "away", "agent", agent, null));
        setStatus(as(admin), agent, "available");
        changes.add(chosen("away", "available", "supervisor", admin.id(), null));

        // Answered, ended into a 30 s wrap-up (busy stays busy: no change, but an event), freed by the sweeper.
        ringsWith(admin, agent, "sim:answer:50");
        String answered = rings.ring(agent).getString("id");
        JsonPath talking = rings.await(answered, "the answer", status("answered"));
        changes.add(call("available", "ringing", "claim", answered));
        changes.add(call("ringing", "busy", "answer", answered));
        simulator.hangup(talking.getString("legs[0].provider_call_id"));
        rings.await(answered, "the end of the call", status("completed"));
        events.add(call("busy", "busy", "end", answered));
        SweepWindow window = SweepWindow.open();
        seeds.moveInto(window, agent);
        Assertions.assertEquals(
                new SweepResult(0, 0, 1), agentCalls.sweep(window.now().plusSeconds(31)));
        changes.add(call("busy", "available", "wrapup_over", answered));

        // Two misses in a row: the second reaches max_no_answer and sends the agent away.
        ringsWith(admin, agent, "sim:busy:30");
        String missed = rings.await(rings.ring(agent).getString("id"), "a miss", status("no_answer"))
                .getString("id");
        changes.add(call("available", "ringing", "claim", missed));
        changes.add(call("ringing", "available", "no_answer", missed));
        String sentAway = rings.await(rings.ring(agent).getString("id"), "the second miss", status("no_answer"))
                .getString("id");
        changes.add(call("available", "ringing", "claim", sentAway));
        changes.add(call("ringing", "away", "max_no_answer", sentAway));

        setStatus(withKey(key.getString("token")), agent, "available");
        changes.add(chosen("away", "available", "supervisor", null, UUID.fromString(key.getString("id"))));

        // The caller gives up; every origination fails; the sweeper ends a ring past its deadline.
        ringsWith(admin, agent, "sim:no-answer");
        String canceled = rings.ring(agent).getString("id");
        as(admin).post("/v1.0/agentcalls/" + canceled + "/hangup").then().statusCode(200);
        changes.add(call("available", "ringing", "claim", canceled));
        changes.add(call("ringing", "available", "canceled", canceled));
        ringsWith(admin, agent, "sim:fail");
        String failed = rings.await(rings.ring(agent).getString("id"), "every origination failed", status("failed"))
                .getString("id");
        changes.add(call("available", "ringing", "claim", failed));
        changes.add(call("ringing", "available", "failed", failed));
        ringsWith(admin, agent, "sim:no-answer");
        String timedOut = rings.ring(agent).getString("id");
        SweepWindow timeout = SweepWindow.open();
        seeds.moveInto(timeout, agent);
        Assertions.assertEquals(
                new SweepResult(1, 0, 0), agentCalls.sweep(timeout.now().plusSeconds(31)));
        changes.add(call("available", "ringing", "claim", timedOut));
        changes.add(call("ringing", "available", "sweeper", timedOut));

        // Without wrap-up: an answered call that ends frees the agent at once, and one the sweeper ends past the
        // maximum call duration too.
        as(admin)
                .body(Map.of("name", "Jane", "wrapup_seconds", 0))
                .put("/v1.0/agents/" + agent)
                .then()
                .statusCode(200);
        ringsWith(admin, agent, "sim:answer:50");
        String ended = rings.ring(agent).getString("id");
        rings.await(ended, "the answer", status("answered"));
        as(admin).post("/v1.0/agentcalls/" + ended + "/hangup").then().statusCode(200);
        changes.add(call("available", "ringing", "claim", ended));
        changes.add(call("ringing", "busy", "answer", ended));
        changes.add(call("busy", "available", "end", ended));
        String expired = rings.ring(agent).getString("id");
        rings.await(expired, "the answer", status("answered"));
        SweepWindow longCall = SweepWindow.open();
        seeds.moveInto(longCall, agent);
        Assertions.assertEquals(
                new SweepResult(0, 1, 0), agentCalls.sweep(longCall.now().plus(Duration.ofHours(5))));
        changes.add(call("available", "ringing", "claim", expired));
        changes.add(call("ringing", "busy", "answer", expired));
        changes.add(call("busy", "available", "sweeper", expired));

        // Choosing the status the agent has is an event, not a change.
        setStatus(as(jane), agent, "available");
        events.add(chosen("available", "available", "agent", agent, null));

        List<String> newestFirst = new ArrayList<>(changes);
        Collections.reverse(newestFirst);
        JsonPath history = as(admin)
                .get("/v1.0/agents/" + agent + "/status_history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals(newestFirst, history(history));
        List<Instant> times = history.getList("result.tm_create", String.class).stream()
                .map(Instant::parse)
                .toList();
        for (int i = 1; i < times.size(); i++) {
            Assertions.assertTrue(
                    times.get(i - 1).isAfter(times.get(i)), "newest first, each change after the one before: " + times);
        }
        Assertions.assertEquals(
                Collections.nCopies(changes.size(), agent.toString()), history.getList("result.agent_id"));

        List<String> expectedEvents = new ArrayList<>(changes);
        expectedEvents.add(expectedEvents.indexOf(call("busy", "available", "wrapup_over", answered)), events.get(0));
        expectedEvents.add(events.get(1));
        Assertions.assertEquals(withoutPrevious(expectedEvents), statusEvents(agent));
    }

    private static void setStatus(io.restassured.specification.RequestSpecification who, UUID agent, String status) {
        who.body(Map.of("status", status))
                .put("/v1.0/agents/" + agent + "/status")
                .then()
                .statusCode(200);
    }

    private static void ringsWith(TestAgents.Seeded admin, UUID agent, String behaviour) {
        as(admin)
                .body(Map.of(
                        "addresses",
                        List.of(Map.of(
                                "type",
                                "sip",
                                "target",
                                "jane-" + UUID.randomUUID() + "@pbx.example.com",
                                "detail",
                                behaviour))))
                .put("/v1.0/agents/" + agent + "/addresses")
                .then()
                .statusCode(200);
    }

    private static String chosen(String previous, String status, String type, UUID agentId, UUID accessKeyId) {
        return line(previous, status, type, agentId, accessKeyId, null);
    }

    private static String call(String previous, String status, String type, String agentCallId) {
        return line(previous, status, type, null, null, agentCallId);
    }

    private static String line(
            String previous, String status, String type, Object agentId, Object accessKeyId, Object agentCallId) {
        return previous + " > " + status + " " + type + " agent=" + agentId + " key=" + accessKeyId + " call="
                + agentCallId;
    }

    private static List<String> history(JsonPath page) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < page.getList("result").size(); i++) {
            String item = "result[" + i + "].";
            rows.add(line(
                    page.getString(item + "previous_status"),
                    page.getString(item + "status"),
                    page.getString(item + "cause.type"),
                    page.getString(item + "cause.agent_id"),
                    page.getString(item + "cause.accesskey_id"),
                    page.getString(item + "cause.agentcall_id")));
        }
        return rows;
    }

    /** An event has no previous status: compare its status and cause. */
    private static List<String> withoutPrevious(List<String> lines) {
        return lines.stream()
                .map(line -> line.substring(line.indexOf(" > ") + 3))
                .toList();
    }

    /** The agent's agent_status_updated events in sequence order; every other event of it has no cause. */
    @Transactional
    List<String> statusEvents(UUID agent) throws IOException {
        List<String> causes = new ArrayList<>();
        for (Object body : db.createNativeQuery("select body from event_outbox where agent_id = ?1 order by seq")
                .setParameter(1, agent)
                .getResultList()) {
            JsonNode event = JSON.readTree((String) body);
            if (!event.get("type").asText().equals("agent_status_updated")) {
                Assertions.assertFalse(event.has("cause"), event.toString());
                continue;
            }
            JsonNode cause = event.get("cause");
            Assertions.assertEquals(
                    List.of("type", "agent_id", "accesskey_id", "agentcall_id"), fieldNames(cause), event.toString());
            String line = line(
                    "-",
                    event.get("data").get("status").asText(),
                    cause.get("type").asText(),
                    text(cause.get("agent_id")),
                    text(cause.get("accesskey_id")),
                    text(cause.get("agentcall_id")));
            causes.add(line.substring(line.indexOf(" > ") + 3));
        }
        return causes;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String text(JsonNode value) {
        return value.isNull() ? null : value.asText();
    }
}
