package dev.agentbin.api.statistics;

import static dev.agentbin.api.support.Api.as;
import static dev.agentbin.api.support.Api.createKey;
import static dev.agentbin.api.support.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentbin.access.Permission;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.api.support.ScriptedClockProfile;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.testing.SettableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agent statistics from a known sequence of rings and status changes, on a scripted clock: exact counts and
 * times, the window's edges, the open interval of the current status, the counts by status now, who may
 * read what and the refused parameters. Days lie in 2100, where no other test's rows (nor sweeps) reach:
 * sweeps elsewhere look at the present or at windows of the past (SweepWindow), so what these tests leave
 * ringing, talking or wrapping up never turns up in another test's sweep.
 */
@QuarkusTest
@TestProfile(ScriptedClockProfile.class)
class StatisticsTest {

    static final LocalDate D = LocalDate.parse("2100-07-20");

    @Inject
    SettableClock clock;

    @Inject
    AgentCallService agentCalls;

    @Inject
    TestAgents seeds;

    TestAgents.Seeded admin;
    Script script;

    @BeforeEach
    void seed() {
        clock.set(Instant.now());
        admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        script = new Script(clock, agentCalls, admin);
    }

    static Instant at(LocalDate day, String time) {
        return Instant.parse(day + "T" + time + "Z");
    }

    /**
     * Jane's day: seven rings (three answered, two missed, one canceled, one failed) and her own status
     * changes, read at 14:00 while she is offline. Every interval is spelled out where it happens.
     */
    @Test
    void aKnownDayIsCountedExactly() {
        UUID jane = script.at(at(D, "08:00:00")).agent(30); // offline from 08:00
        script.at(at(D, "08:10:00")).status(jane, "available"); // offline 600 000

        AgentCall ring1 = script.at(at(D, "08:20:00")).ring(jane); // available 600 000
        script.answer(ring1, at(D, "08:20:04.200")); // ringing 4 200, time to answer 4 200
        script.end(ring1, at(D, "08:25:04.200")); // busy 300 000 (talk)
        script.sweep(at(D, "08:25:40")); // wrap-up 35 800

        AgentCall ring2 = script.at(at(D, "09:00:00")).ring(jane); // available 2 060 000
        script.answer(ring2, at(D, "09:00:12.700")); // ringing 12 700, time to answer 12 700
        script.end(ring2, at(D, "09:02:12.700")); // busy 120 000
        script.sweep(at(D, "09:03:00")); // wrap-up 47 300

        AgentCall ring3 = script.at(at(D, "10:00:00")).ring(jane); // available 3 420 000
        script.noAnswer(ring3, at(D, "10:00:20")); // ringing 20 000, missed

        AgentCall ring4 = script.at(at(D, "10:30:00")).ring(jane); // available 1 780 000
        script.at(at(D, "10:30:07")).cancel(ring4); // ringing 7 000, canceled

        script.at(at(D, "11:00:00")).ring(jane); // available 1 793 000
        script.sweep(at(D, "11:10:01")); // ringing 601 000: its 600 s ring timeout, missed

        script.addresses(jane, Script.FAILS);
        script.at(at(D, "11:30:00")).ring(jane); // available 1 199 000, failed at once
        script.addresses(jane, Script.RINGS);

        AgentCall ring7 = script.at(at(D, "12:00:00")).ring(jane); // available 1 800 000
        script.answer(ring7, at(D, "12:01:05")); // ringing 65 000, time to answer 65 000
        script.end(ring7, at(D, "12:11:05")); // busy 600 000
        script.sweep(at(D, "12:11:40")); // wrap-up 35 000

        script.at(at(D, "12:30:00")).status(jane, "away"); // available 1 100 000
        script.at(at(D, "13:00:00")).status(jane, "offline"); // away 1 800 000
        script.at(at(D, "14:00:00")); // offline 3 600 000 so far (open)

        JsonPath day = script.statistics(jane, D.toString(), D.toString());
        assertEquals(
                Map.ofEntries(
                        Map.entry("agent_id", jane.toString()),
                        Map.entry("from", "2100-07-20"),
                        Map.entry("to", "2100-07-20"),
                        Map.entry("offered", 7),
                        Map.entry("answered", 3),
                        Map.entry("missed", 2),
                        Map.entry("canceled", 1),
                        Map.entry("failed", 1),
                        Map.entry("answer_rate", 3 / 7.0f),
                        Map.entry("time_to_answer_mean_ms", 27_300), // (4 200 + 12 700 + 65 000) / 3
                        Map.entry("time_to_answer_p50_ms", 12_500), // exact 12 700, in [12 s, 13 s)
                        Map.entry("time_to_answer_p90_ms", 65_000), // exact 65 000, in [60 s, 70 s)
                        Map.entry("talk_time_total_ms", 1_020_000),
                        Map.entry("talk_time_mean_ms", 340_000),
                        Map.entry("wrapup_time_total_ms", 118_100),
                        Map.entry(
                                "status_ms",
                                Map.of(
                                        "available", 13_752_000,
                                        "ringing", 709_900,
                                        "busy", 1_020_000,
                                        "wrapup", 118_100,
                                        "away", 1_800_000,
                                        "offline", 4_200_000))),
                day.getMap(""));
        assertEquals(6 * 3_600_000, statusTotal(day), "08:00 to 14:00, every moment in exactly one status");

        // The same read a minute later: only the open interval grew.
        script.at(at(D, "14:01:00"));
        assertEquals(
                4_260_000,
                script.statistics(jane, null, null).getLong("status_ms.offline"),
                "the default window is today");
    }

    /**
     * A ring counts on the day it started, whole: one started at 23:59:50 the day before the window and
     * answered after midnight is not in it; one started on the window's last day and ended after it counts
     * fully. Time in a status is cut at midnight, and the current status counts up to now.
     */
    @Test
    void theWindowsEdges() {
        LocalDate before = D.minusDays(1);
        LocalDate after = D.plusDays(1);
        UUID edge = script.at(at(before, "23:00:00")).agent(0);
        script.at(at(before, "23:30:00")).status(edge, "available");

        AgentCall a = script.at(at(before, "23:59:50")).ring(edge);
        script.answer(a, at(D, "00:00:05"));
        script.end(a, at(D, "00:01:05"));

        AgentCall b = script.at(at(D, "23:59:00")).ring(edge);
        script.answer(b, at(D, "23:59:10"));
        script.end(b, at(after, "00:10:00"));
        script.at(at(after, "00:20:00")).status(edge, "offline");
        script.at(at(after, "01:00:00"));

        JsonPath dayBefore = script.statistics(edge, before.toString(), before.toString());
        assertCounts(dayBefore, 1, 1, 15_000L, 60_000);
        assertStatus(dayBefore, 1_790_000, 10_000, 0, 1_800_000);

        JsonPath day = script.statistics(edge, D.toString(), D.toString());
        assertCounts(day, 1, 1, 10_000L, 650_000);
        // Ringing: 5 s of ring a after midnight, 10 s of ring b. Busy: a's minute, b's last 50 s before midnight.
        assertStatus(day, 86_275_000, 15_000, 110_000, 0);
        assertEquals(86_400_000, statusTotal(day));

        JsonPath dayAfter = script.statistics(edge, after.toString(), after.toString());
        assertCounts(dayAfter, 0, 0, null, 0);
        assertNull(dayAfter.get("answer_rate"));
        assertNull(dayAfter.get("time_to_answer_p50_ms"));
        assertNull(dayAfter.get("talk_time_mean_ms"));
        // b's talk after midnight, 10 min available, then offline from 00:20 up to now (01:00).
        assertStatus(dayAfter, 600_000, 0, 600_000, 2_400_000);

        JsonPath all = script.statistics(edge, before.toString(), after.toString());
        assertCounts(all, 2, 2, 12_500L, 710_000);
        assertEquals(
                2 * 86_400_000L - 23 * 3_600_000L + 3_600_000L,
                statusTotal(all),
                "created at 23:00, read at 01:00 two days on");
    }

    /** Every live agent of the customer in one page, newest first, with their total; and the counts by status now. */
    @Test
    void theCustomersAgentsAndTheirStatusNow() {
        UUID deleted = script.at(at(D, "09:00:00")).agent(0);
        UUID available = script.at(at(D, "09:00:01")).agent(0);
        UUID ringing = script.at(at(D, "09:00:02")).agent(0);
        UUID busy = script.at(at(D, "09:00:03")).agent(0);
        UUID wrappingUp = script.at(at(D, "09:00:04")).agent(600);
        UUID away = script.at(at(D, "09:00:05")).agent(0);
        UUID offline = script.at(at(D, "09:00:06")).agent(0);
        script.at(at(D, "09:01:00"));
        for (UUID agent : List.of(available, ringing, busy, wrappingUp, away)) {
            script.status(agent, "available");
        }
        script.status(away, "away");
        script.at(at(D, "09:05:00"));
        as(admin).delete("/v1.0/agents/" + deleted).then().statusCode(200);
        script.at(at(D, "09:10:00")).ring(ringing);
        AgentCall answered = script.ring(busy);
        script.answer(answered, at(D, "09:10:02"));
        AgentCall ended = script.ring(wrappingUp);
        script.answer(ended, at(D, "09:10:04"));
        script.end(ended, at(D, "09:11:04"));
        script.at(at(D, "09:20:00"));

        as(admin)
                .get("/v1.0/agent_statistics/now")
                .then()
                .statusCode(200)
                .body(
                        "",
                        equalTo(Map.of(
                                "available",
                                1,
                                "ringing",
                                1,
                                "busy",
                                1,
                                "wrapup",
                                1,
                                "away",
                                1,
                                "offline",
                                2,
                                "total",
                                7)));

        JsonPath list = as(admin)
                .get("/v1.0/agent_statistics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("2100-07-20", list.getString("from"));
        assertEquals("2100-07-20", list.getString("to"));
        // Newest first as the agent list (the admin was made in the present, long before), the deleted agent left out.
        assertEquals(
                List.of(offline, away, wrappingUp, busy, ringing, available, admin.id()).stream()
                        .map(UUID::toString)
                        .toList(),
                list.getList("result.agent_id"));
        assertEquals(3, list.getInt("total.offered"));
        assertEquals(2, list.getInt("total.answered"));
        assertEquals(3_000, list.getInt("total.time_to_answer_mean_ms"));
        assertEquals(60_000, list.getInt("total.talk_time_total_ms"));
        assertEquals(false, list.getMap("total").containsKey("agent_id"));
        // Wrap-up since 09:11:04, ringing since 09:10:00 (and 2 s and 4 s of the answered rings): open at 09:20.
        assertEquals(536_000, list.getInt("total.wrapup_time_total_ms"));
        assertEquals(600_000 + 2_000 + 4_000, list.getInt("total.status_ms.ringing"));
        assertEquals(600_000, list.getInt("result[4].status_ms.ringing"), "the ringing agent");

        // The deleted agent's figures stay readable: offline from 09:00 until it was deleted at 09:05, no longer.
        assertEquals(300_000, script.statistics(deleted, null, null).getLong("status_ms.offline"));
    }

    @Test
    void whoReadsWhat() {
        UUID jane = script.at(at(D, "09:00:00")).agent(0);
        TestAgents.Seeded self = seeds.seed(admin.customerId(), Permission.CUSTOMER_AGENT);
        TestAgents.Seeded manager = seeds.seed(admin.customerId(), Permission.CUSTOMER_MANAGER);
        TestAgents.Seeded stranger = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        String janes = "/v1.0/agents/" + jane + "/statistics";

        // An agent: its own only; a colleague's, the customer's list and its counts are refused.
        as(self).get("/v1.0/agents/" + self.id() + "/statistics")
                .then()
                .statusCode(200)
                .body("agent_id", equalTo(self.id().toString()));
        as(self).get(janes).then().statusCode(403).body("error.reason", equalTo("PERMISSION_DENIED"));
        as(self).get("/v1.0/agent_statistics")
                .then()
                .statusCode(403)
                .body("error.reason", equalTo("PERMISSION_DENIED"));
        as(self).get("/v1.0/agent_statistics/now").then().statusCode(403);
        // Admins and managers: every agent of their customer.
        as(manager).get(janes).then().statusCode(200);
        as(manager).get("/v1.0/agent_statistics").then().statusCode(200);
        as(manager).get("/v1.0/agent_statistics/now").then().statusCode(200);
        // Another customer's agent does not exist for the caller; its list is its own customer's.
        as(stranger).get(janes).then().statusCode(404).body("error.reason", equalTo("AGENT_NOT_FOUND"));
        as(stranger)
                .get("/v1.0/agent_statistics")
                .then()
                .statusCode(200)
                .body("result.agent_id", equalTo(List.of(stranger.id().toString())));
        as(admin)
                .get("/v1.0/agents/" + UUID.randomUUID() + "/statistics")
                .then()
                .statusCode(404)
                .body("error.reason", equalTo("AGENT_NOT_FOUND"));
        // Access keys by their permission: a manager's key reads the customer's, an agent's key none.
        String managerKey = createKey(admin, Permission.CUSTOMER_MANAGER);
        withKey(managerKey).get(janes).then().statusCode(200);
        withKey(managerKey).get("/v1.0/agent_statistics").then().statusCode(200);
        String agentKey = createKey(admin, Permission.CUSTOMER_AGENT);
        withKey(agentKey).get(janes).then().statusCode(403);
        withKey(agentKey).get("/v1.0/agent_statistics/now").then().statusCode(403);
    }

    @Test
    void badParametersAreRefusedInTheErrorEnvelope() {
        UUID jane = script.at(at(D, "09:00:00")).agent(0);
        String janes = "/v1.0/agents/" + jane + "/statistics";
        for (Map<String, String> query : List.of(
                Map.of("from", "yesterday"),
                Map.of("to", "2100-02-30"),
                Map.of("from", "2100-07-20T00:00:00Z"),
                Map.of("from", "2100-07-21", "to", "2100-07-20"),
                Map.of("from", "2100-06-19", "to", "2100-07-20"),
                Map.of("from", "2100-07-21"))) {
            for (String path : List.of(janes, "/v1.0/agent_statistics")) {
                as(admin)
                        .queryParams(query)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .body("error.status", equalTo("INVALID_ARGUMENT"))
                        .body("error.reason", equalTo("INVALID_REQUEST_PARAMETER"));
            }
        }
        as(admin)
                .queryParams(Map.of("from", "2100-06-20", "to", "2100-07-20"))
                .get(janes)
                .then()
                .statusCode(200)
                .body("from", equalTo("2100-06-20"));
        as(admin)
                .get("/v1.0/agents/not-an-id/statistics")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_ID"));
    }

    private static void assertCounts(JsonPath stats, int offered, int answered, Long meanTimeToAnswer, long talk) {
        assertEquals(offered, stats.getInt("offered"));
        assertEquals(answered, stats.getInt("answered"));
        assertEquals(
                meanTimeToAnswer,
                stats.get("time_to_answer_mean_ms") == null ? null : stats.getLong("time_to_answer_mean_ms"));
        assertEquals(answered, stats.getInt("answered"));
        assertEquals(talk, stats.getLong("talk_time_total_ms"));
    }

    private static void assertStatus(JsonPath stats, long available, long ringing, long busy, long offline) {
        assertEquals(
                Map.of("available", available, "ringing", ringing, "busy", busy, "offline", offline),
                Map.of(
                        "available",
                        stats.getLong("status_ms.available"),
                        "ringing",
                        stats.getLong("status_ms.ringing"),
                        "busy",
                        stats.getLong("status_ms.busy"),
                        "offline",
                        stats.getLong("status_ms.offline")));
    }

    private static long statusTotal(JsonPath stats) {
        Map<String, Number> byStatus = stats.getMap("status_ms");
        return byStatus.values().stream().mapToLong(Number::longValue).sum();
    }
}
