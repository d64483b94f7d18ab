package dev.agentbin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.AgentCallStatus;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.testing.Await;
import dev.agentbin.testing.SettableClock;
import dev.agentbin.testing.SweepWindow;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ringall-sweeper through the Lambda event path. Each test moves its own agent into a window of the past
 * and sets the sweeper's clock there, so the sweep reaches that agent's calls and no other test's: the
 * counts it returns are exact.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.Sweeper.class)
class RingAllSweeperHandlerTest {

    /** What EventBridge sends a scheduled target (the handler does not need any of it). */
    private static final String SCHEDULED_EVENT = """
            {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
             "source":"aws.events","account":"123456789012","time":"2026-01-01T00:00:00Z","region":"us-east-1",
             "resources":["arn:aws:events:us-east-1:123456789012:rule/ringall-sweeper"],"detail":{}}
            """;

    private static final Duration MAX_CALL_DURATION = Duration.ofHours(4);

    @Inject
    TestData data;

    @Inject
    AgentCallService agentCalls;

    @Inject
    SettableClock clock;

    /** The clock is the whole app's: rings start at the present, whatever the previous test swept at. */
    @BeforeEach
    void present() {
        clock.set(Instant.now());
    }

    @Test
    void aRingPastItsDeadlineEndsAsNoAnswerAndTheSweepResultComesBack() {
        AgentEntity agent = data.agent(AgentStatus.AVAILABLE, "sim:no-answer", "sim:no-answer");
        agentCalls.dispatch(
                new RingRequest(agent.id, agent.customerId, "+15550100000", null, 60, null, null),
                "test:" + UUID.randomUUID());
        SweepWindow window = SweepWindow.open();
        data.moveInto(window, agent.id);

        assertEquals(counts(0, 0, 0), sweepAt(window.now().plusSeconds(50)), "10 s of its ring timeout are left");
        assertEquals(AgentCallStatus.RINGING, data.callsOf(agent.id).get(0).status);

        Instant pastTheDeadline = window.now().plusSeconds(61);
        assertEquals(counts(1, 0, 0), sweepAt(pastTheDeadline));
        assertEquals(AgentCallStatus.NO_ANSWER, data.callsOf(agent.id).get(0).status);
        Await.until("the agent is free again", () -> data.statusOf(agent.id) == AgentStatus.AVAILABLE);

        assertEquals(counts(0, 0, 0), sweepAt(pastTheDeadline), "idempotent: an ended agentcall stays as it ended");
        assertEquals(AgentCallStatus.NO_ANSWER, data.callsOf(agent.id).get(0).status);
    }

    /** An answered call whose end never came is ended after the maximum duration, then its wrap-up is released. */
    @Test
    void anAnsweredCallPastTheMaximumDurationEndsAndItsWrapUpIsReleased() {
        AgentEntity agent = data.agent(AgentStatus.AVAILABLE, "sim:answer:20");
        data.setWrapup(agent.id, 600);
        agentCalls.dispatch(
                new RingRequest(agent.id, agent.customerId, "+15550100000", null, 60, null, null),
                "test:" + UUID.randomUUID());
        Await.until("the call to be answered", () -> data.callsOf(agent.id).get(0).status == AgentCallStatus.ANSWERED);
        SweepWindow window = SweepWindow.open();
        data.moveInto(window, agent.id);

        assertEquals(
                counts(0, 0, 0), sweepAt(window.now().plus(MAX_CALL_DURATION).minusSeconds(60)), "not four hours yet");
        Instant expiry = window.now().plus(MAX_CALL_DURATION).plusSeconds(1);
        assertEquals(counts(0, 1, 0), sweepAt(expiry));
        assertEquals(AgentCallStatus.COMPLETED, data.callsOf(agent.id).get(0).status);
        assertEquals(AgentStatus.BUSY, data.statusOf(agent.id), "wrapping up for 600 s");

        assertEquals(counts(0, 0, 0), sweepAt(expiry.plusSeconds(599)));
        assertEquals(AgentStatus.BUSY, data.statusOf(agent.id));
        assertEquals(counts(0, 0, 1), sweepAt(expiry.plusSeconds(601)));
        assertEquals(AgentStatus.AVAILABLE, data.statusOf(agent.id));
    }

    /** Status history older than the retention (90 days) goes, in as many batches as it takes; the rest stays. */
    @Test
    void statusHistoryPastItsRetentionIsDeletedAndRecentHistoryStays() {
        AgentEntity agent = data.agent(AgentStatus.AVAILABLE);
        Instant now = SweepWindow.open().now();
        Instant cutoff = now.minus(Duration.ofDays(90));
        data.addStatusChanges(agent, cutoff.minusSeconds(3_600), 2_500);
        data.addStatusChanges(agent, cutoff.minusNanos(1_000), 1);
        data.addStatusChanges(agent, cutoff, 1);
        data.addStatusChanges(agent, now.minusSeconds(3_600), 1);
        assertEquals(2_503, data.statusChangeTimes(agent.id).size());

        sweepAt(now);

        assertEquals(List.of(cutoff, now.minusSeconds(3_600)), data.statusChangeTimes(agent.id));
    }

    private static Map<String, Integer> counts(int timedOut, int callsExpired, int wrapUpsReleased) {
        return Map.of("timedOut", timedOut, "callsExpired", callsExpired, "wrapUpsReleased", wrapUpsReleased);
    }

    private Map<String, Integer> sweepAt(Instant now) {
        clock.set(now);
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .body(SCHEDULED_EVENT)
                .post("/")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("", String.class, Integer.class);
    }
}
