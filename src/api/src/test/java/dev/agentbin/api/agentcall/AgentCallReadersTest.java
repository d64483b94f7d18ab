package dev.agentbin.api.agentcall;

import static dev.agentbin.api.support.Api.as;
import static dev.agentbin.api.support.Api.createKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who reads agentcalls: an agent its own (the console follows the call ringing it), an admin or
 * manager any of the customer's; nobody another customer's. Hanging up stays with admins and managers.
 */
@QuarkusTest
class AgentCallReadersTest {

    @Inject
    TestAgents agents;

    @Test
    void anAgentReadsItsOwnAgentcallsNewestFirstButNotAnothersAndCannotHangUp() {
        UUID customer = UUID.randomUUID();
        TestAgents.Seeded admin = agents.seed(customer, Permission.CUSTOMER_ADMIN);
        TestAgents.Seeded agent = agents.seed(customer, Permission.CUSTOMER_AGENT);
        TestAgents.Seeded colleague = agents.seed(customer, Permission.CUSTOMER_AGENT);
        RingTestSupport rings = new RingTestSupport(admin);
        as(admin)
                .body(Map.of("addresses", List.of(RingTestSupport.sip("sim:no-answer"))))
                .put("/v1.0/agents/" + agent.id() + "/addresses")
                .then()
                .statusCode(200);

        String first = ringAndHangUp(admin, agent, rings);
        String second = ringAndHangUp(admin, agent, rings);

        as(agent)
                .get("/v1.0/agentcalls?agent_id=" + agent.id())
                .then()
                .statusCode(200)
                .body("result", hasSize(2))
                .body("result[0].id", equalTo(second))
                .body("result[1].id", equalTo(first))
                .body("result[0].legs", hasSize(1));
        as(agent)
                .get("/v1.0/agentcalls?agent_id=" + agent.id() + "&page_size=1")
                .then()
                .statusCode(200)
                .body("result", hasSize(1));
        as(agent)
                .get("/v1.0/agentcalls/" + second)
                .then()
                .statusCode(200)
                .body("agent_id", equalTo(agent.id().toString()));
        as(admin)
                .get("/v1.0/agentcalls?agent_id=" + agent.id())
                .then()
                .statusCode(200)
                .body("result", hasSize(2));

        as(colleague).get("/v1.0/agentcalls?agent_id=" + agent.id()).then().statusCode(403);
        as(colleague).get("/v1.0/agentcalls/" + second).then().statusCode(403);
        as(agent).post("/v1.0/agentcalls/" + second + "/hangup").then().statusCode(403);
        as(agents.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN))
                .get("/v1.0/agentcalls/" + second)
                .then()
                .statusCode(404);
        as(agent)
                .get("/v1.0/agentcalls?agent_id=nope")
                .then()
                .statusCode(400)
                .body("error.reason", equalTo("INVALID_REQUEST_PARAMETER"));
        // Without agent_id the list is the customer's: admins and managers only.
        as(agent).get("/v1.0/agentcalls").then().statusCode(403);
    }

    /**
     * A PBX or CRM reads the calls it placed with its access key, admin or manager, whichever way it sends
     * the key; an agent-level key is refused as an agent reading another's calls is, another customer's key
     * finds nothing (the call is 404, the agent's list empty, as for another customer's admin).
     */
    @Test
    void anAdminOrManagerKeyReadsTheCustomersAgentcallsByEveryWayOfSendingIt() {
        UUID customer = UUID.randomUUID();
        TestAgents.Seeded admin = agents.seed(customer, Permission.CUSTOMER_ADMIN);
        TestAgents.Seeded agent = agents.seed(customer, Permission.CUSTOMER_AGENT);
        as(admin)
                .body(Map.of("addresses", List.of(RingTestSupport.sip("sim:no-answer"))))
                .put("/v1.0/agents/" + agent.id() + "/addresses")
                .then()
                .statusCode(200);
        String call = ringAndHangUp(admin, agent, new RingTestSupport(admin));
        TestAgents.Seeded stranger = agents.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);

        Map<String, Integer> expected = Map.of(
                createKey(admin, null), 200,
                createKey(admin, Permission.CUSTOMER_MANAGER), 200,
                createKey(admin, Permission.CUSTOMER_AGENT), 403,
                createKey(stranger, null), 404);
        expected.forEach((key, status) -> {
            for (java.util.function.Supplier<RequestSpecification> sent :
                    List.<java.util.function.Supplier<RequestSpecification>>of(
                            () -> RestAssured.given().queryParam("accesskey", key),
                            () -> RestAssured.given().cookie("accesskey", key),
                            () -> RestAssured.given().header("Authorization", "Bearer " + key))) {
                sent.get().get("/v1.0/agentcalls/" + call).then().statusCode(status);
                if (status == 404) {
                    sent.get()
                            .get("/v1.0/agentcalls?agent_id=" + agent.id())
                            .then()
                            .statusCode(200)
                            .body("result", hasSize(0));
                } else {
                    sent.get()
                            .get("/v1.0/agentcalls?agent_id=" + agent.id())
                            .then()
                            .statusCode(status);
                }
                if (status == 200) {
                    sent.get().get("/v1.0/agentcalls/" + call).then().body("id", equalTo(call));
                    sent.get()
                            .get("/v1.0/agentcalls?agent_id=" + agent.id())
                            .then()
                            .body("result[0].id", equalTo(call));
                }
            }
        });
    }

    private static String ringAndHangUp(TestAgents.Seeded admin, TestAgents.Seeded agent, RingTestSupport rings) {
        as(admin)
                .body(Map.of("status", "available"))
                .put("/v1.0/agents/" + agent.id() + "/status")
                .then()
                .statusCode(200);
        String id = rings.ring(agent.id()).getString("id");
        as(admin).post("/v1.0/agentcalls/" + id + "/hangup").then().statusCode(200);
        return id;
    }
}
