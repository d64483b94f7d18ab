package dev.agentbin.events;

import dev.agentbin.testing.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.agentcall.AgentCallStatus;
import dev.agentbin.agentcall.RingRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(HandlerProfiles.Sweeper.class)
class RingAllSweeperHandlerTest {

    /** What EventBridge sends a scheduled target (the handler does not need any of it). */
    private static final String SCHEDULED_EVENT = """
            {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
             "source":"aws.events","account":"123456789012","time":"2026-01-01T00:00:00Z","region":"us-east-1",
             "resources":["arn:aws:events:us-east-1:123456789012:rule/ringall-sweeper"],"detail":{}}
            """;

    @Inject
    TestData data;

    @Inject
    AgentCallService agentCalls;

    @Test
    void aRingPastItsDeadlineEndsAsNoAnswerAndTheSweepResultComesBack() {
        AgentEntity agent = data.agent(AgentStatus.AVAILABLE, "sim:no-answer", "sim:no-answer");
        AgentCall call = agentCalls.dispatch(new RingRequest(agent.id, agent.customerId, "+15550100000", null, 60, null, null),
                "test:" + UUID.randomUUID());
        data.expire(call.id());

        JsonPath result = sweep();

        assertTrue(result.getInt("timedOut") >= 1, result.prettify());
        assertEquals(AgentCallStatus.NO_ANSWER, data.callsOf(agent.id).get(0).status);
        Await.until("the agent is free again", () -> data.statusOf(agent.id) == AgentStatus.AVAILABLE);

        sweep(); // idempotent: an ended agentcall stays as it ended
        assertEquals(AgentCallStatus.NO_ANSWER, data.callsOf(agent.id).get(0).status);
    }

    /** An answered call whose end never came is ended after the maximum duration, then its wrap-up is released. */
    @Test
    void anAnsweredCallPastTheMaximumDurationEndsAndItsWrapUpIsReleased() {
        AgentEntity agent = data.agent(AgentStatus.AVAILABLE, "sim:answer:20");
        data.setWrapup(agent.id, 600);
        AgentCall call = agentCalls.dispatch(new RingRequest(agent.id, agent.customerId, "+15550100000", null, 60, null, null),
                "test:" + UUID.randomUUID());
        Await.until("the call to be answered", () -> data.callsOf(agent.id).get(0).status == AgentCallStatus.ANSWERED);
        data.answeredLongAgo(call.id());

        JsonPath expired = sweep();
        assertTrue(expired.getInt("callsExpired") >= 1, expired.prettify());
        assertEquals(AgentCallStatus.COMPLETED, data.callsOf(agent.id).get(0).status);
        assertEquals(AgentStatus.BUSY, data.statusOf(agent.id), "wrapping up for 600 s");

        data.wrapUpOver(agent.id);
        JsonPath released = sweep();
        assertTrue(released.getInt("wrapUpsReleased") >= 1, released.prettify());
        assertEquals(AgentStatus.AVAILABLE, data.statusOf(agent.id));
    }

    private static JsonPath sweep() {
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .body(SCHEDULED_EVENT)
                .post("/")
                .then().statusCode(200)
                .extract().jsonPath();
    }
}
