package dev.agentbin.api.agent;

import static dev.agentbin.api.support.Api.as;

import dev.agentbin.access.Permission;
import dev.agentbin.api.support.StatementCounter;
import dev.agentbin.api.support.TestAgents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** A page of agents with their addresses and tags costs the same number of statements, whatever its size. */
@QuarkusTest
class AgentListCostTest {

    @Inject
    TestAgents seeds;

    @Test
    void listingOneHundredAgentsCostsAsManyStatementsAsListingOne() {
        TestAgents.Seeded admin = seeds.seed(UUID.randomUUID(), Permission.CUSTOMER_ADMIN);
        for (int i = 0; i < 99; i++) {
            Map<String, Object> body = new java.util.HashMap<>(AgentCrudTest.createBody(
                    AgentCrudTest.email(),
                    List.of(
                            Map.of("type", "tel", "target", "+1555200" + String.format("%04d", i)),
                            Map.of("type", "sip", "target", "agent" + i + "@example.com"))));
            body.put("tag_ids", List.of(UUID.randomUUID()));
            as(admin).body(body).post("/v1.0/agents").then().statusCode(200);
        }

        long one = statementsFor(admin, 1);
        long hundred = statementsFor(admin, 100);

        Assertions.assertEquals(one, hundred, "statements for 1 agent vs 100 agents");
        Assertions.assertTrue(hundred >= 2 && hundred <= 4, "caller re-read + page + addresses, got " + hundred);
    }

    /** Only this request's statements (see StatementCounter). */
    private static long statementsFor(TestAgents.Seeded admin, int pageSize) {
        String mark = StatementCounter.newMark();
        as(admin)
                .header(StatementCounter.HEADER, mark)
                .queryParam("page_size", pageSize)
                .get("/v1.0/agents")
                .then()
                .statusCode(200)
                .body("result.size()", org.hamcrest.Matchers.equalTo(pageSize))
                .body("result[0].addresses.size()", org.hamcrest.Matchers.equalTo(2));
        return StatementCounter.count(mark);
    }
}
