package dev.agentbin.api.agentcall;

import static dev.agentbin.api.support.Api.as;

import dev.agentbin.agent.Address;
import dev.agentbin.agent.AddressType;
import dev.agentbin.api.support.TestAgents;
import dev.agentbin.testing.Await;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Rings agents over HTTP as an admin and reads agentcalls back. */
final class RingTestSupport {

    private final TestAgents.Seeded admin;

    RingTestSupport(TestAgents.Seeded admin) {
        this.admin = admin;
    }

    static Address sip(String behaviour) {
        return new Address(
                AddressType.SIP, "agent-" + UUID.randomUUID() + "@pbx.example.com", null, null, behaviour, null);
    }

    JsonPath ring(UUID agentId) {
        return as(admin)
                .body(Map.of(
                        "agent_id",
                        agentId,
                        "source",
                        "+15550001000",
                        "reference_id",
                        "call-1",
                        "ring_timeout",
                        30,
                        "join_target",
                        "queue-bridge-7"))
                .post("/v1.0/agentcalls")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
    }

    JsonPath get(String agentCallId) {
        return as(admin)
                .get("/v1.0/agentcalls/" + agentCallId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    JsonPath await(String agentCallId, String what, Predicate<JsonPath> done) {
        return Await.until(what, () -> get(agentCallId), done);
    }

    static Predicate<JsonPath> status(String status) {
        return call -> status.equals(call.getString("status"));
    }

    /** Legs that have a provider call id, i.e. were accepted by the provider. */
    static Predicate<JsonPath> allOriginated(int legs) {
        return call -> {
            List<Object> ids = call.getList("legs.provider_call_id");
            return ids.size() == legs && ids.stream().allMatch(java.util.Objects::nonNull);
        };
    }
}
