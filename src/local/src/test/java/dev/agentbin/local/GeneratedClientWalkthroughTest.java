package dev.agentbin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentbin.client.ApiClient;
import dev.agentbin.client.ApiException;
import dev.agentbin.client.api.AgentCallsApi;
import dev.agentbin.client.api.AgentsApi;
import dev.agentbin.client.api.AuthApi;
import dev.agentbin.client.api.TagsApi;
import dev.agentbin.client.model.Address;
import dev.agentbin.client.model.AddressType;
import dev.agentbin.client.model.AddressesRequest;
import dev.agentbin.client.model.Agent;
import dev.agentbin.client.model.AgentCall;
import dev.agentbin.client.model.AgentCallStatus;
import dev.agentbin.client.model.AgentPage;
import dev.agentbin.client.model.AgentStatus;
import dev.agentbin.client.model.CreateAgentRequest;
import dev.agentbin.client.model.ErrorEnvelope;
import dev.agentbin.client.model.LegStatus;
import dev.agentbin.client.model.LoginRequest;
import dev.agentbin.client.model.RingMethod;
import dev.agentbin.client.model.RingRequest;
import dev.agentbin.client.model.StatusRequest;
import dev.agentbin.client.model.Tag;
import dev.agentbin.client.model.TagRequest;
import dev.agentbin.local.support.Http;
import dev.agentbin.local.support.Tenant;
import dev.agentbin.local.support.Tenants;
import dev.agentbin.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough through a client generated from openapi/openapi.yaml alone (src/local's pom, the
 * openapi-generator plugin), against the app on real HTTP: if the document misnames a route, a parameter, a
 * field or an answer, this fails. Nothing here uses agentbin's own classes beyond making the customer.
 */
@QuarkusTest
class GeneratedClientWalkthroughTest {

    @Inject
    Tenants tenants;

    @Test
    void theReadmeWalkthroughThroughTheGeneratedClient() throws ApiException {
        Tenant tenant = tenants.create();
        ApiClient anonymous = client();
        String token = new AuthApi(anonymous)
                .login(new LoginRequest().username(tenant.adminUsername()).password(Tenants.PASSWORD))
                .getToken();
        ApiClient admin = client().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        AgentsApi agents = new AgentsApi(admin);
        AgentCallsApi agentCalls = new AgentCallsApi(admin);

        Tag english =
                new TagsApi(admin).createTag(new TagRequest().name("English").detail("speaks English"));
        Agent jane = agents.createAgent(new CreateAgentRequest()
                .username("jane-" + UUID.randomUUID() + "@example.com")
                .password("a-long-password")
                .name("Jane")
                .detail("first line")
                .ringMethod(RingMethod.RINGALL)
                .permission(16L)
                .wrapupSeconds(0)
                .tagIds(List.of(english.getId())));
        assertEquals(AgentStatus.OFFLINE, jane.getStatus());

        // A tel address that never answers, a sip one that answers after 300 ms (the simulator's directives).
        Agent withAddresses = agents.setAgentAddresses(
                jane.getId(),
                new AddressesRequest()
                        .addresses(List.of(
                                new Address()
                                        .type(AddressType.TEL)
                                        .target("+1 (555) 010-0123")
                                        .detail("sim:no-answer"),
                                new Address()
                                        .type(AddressType.SIP)
                                        .target("jane@PBX.example.com")
                                        .detail("sim:answer:300"))));
        assertEquals(
                List.of("+15550100123", "jane@pbx.example.com"),
                withAddresses.getAddresses().stream().map(Address::getTarget).toList(),
                "normalized: E.164, sip host lowercased");
        assertEquals(
                AgentStatus.AVAILABLE,
                agents.setAgentStatus(jane.getId(), new StatusRequest().status(AgentStatus.AVAILABLE))
                        .getStatus());

        RingRequest ring = new RingRequest()
                .agentId(jane.getId())
                .source("+15550009999")
                .ringTimeout(20)
                .joinTarget("support-queue");
        String idempotencyKey = "walkthrough-" + UUID.randomUUID();
        AgentCall rung = agentCalls.ringAgent(ring, idempotencyKey);
        assertEquals(AgentCallStatus.RINGING, rung.getStatus());
        assertEquals(2, rung.getLegs().size());
        assertEquals(
                rung.getId(),
                agentCalls.ringAgent(ring, idempotencyKey).getId(),
                "a retry with the key rings nobody anew");

        AgentCall answered = Await.until(
                "the sip leg to answer",
                () -> call(agentCalls, rung.getId()),
                call -> call.getStatus() == AgentCallStatus.ANSWERED);
        assertEquals(answered.getLegs().get(1).getId(), answered.getAnsweredLegId());
        assertEquals(
                LegStatus.CANCELED,
                Await.until(
                                "the silent leg to be cancelled",
                                () -> call(agentCalls, rung.getId()),
                                call -> call.getLegs().get(0).getStatus() == LegStatus.CANCELED)
                        .getLegs()
                        .get(0)
                        .getStatus());
        assertEquals(AgentStatus.BUSY, agents.getAgent(jane.getId()).getStatus());

        // A refusal is the error envelope, readable with the document's own schema.
        ApiException busy = assertThrows(ApiException.class, () -> agentCalls.ringAgent(ring, null));
        assertEquals(409, busy.getCode());
        assertEquals("AGENT_NOT_AVAILABLE", envelope(admin, busy).getError().getReason());

        assertEquals(
                AgentCallStatus.COMPLETED,
                agentCalls.hangUpAgentCall(rung.getId()).getStatus());

        // A second agent with the tag, then the tag's agents a page of one at a time, newest first.
        Agent john = agents.createAgent(new CreateAgentRequest()
                .username("john-" + UUID.randomUUID() + "@example.com")
                .password("a-long-password")
                .name("John")
                .tagIds(List.of(english.getId())));
        List<UUID> tagged = List.of(english.getId());
        AgentPage first = agents.listAgents(1, null, null, tagged);
        assertEquals(List.of(john.getId()), ids(first));
        assertFalse(first.getNextPageToken().isEmpty());
        AgentPage second = agents.listAgents(1, first.getNextPageToken(), null, tagged);
        assertEquals(List.of(jane.getId()), ids(second));
        assertEquals(List.of(), ids(agents.listAgents(1, second.getNextPageToken(), null, tagged)));
        assertEquals(List.of(john.getId()), ids(agents.listAgents(null, null, AgentStatus.OFFLINE, tagged)));
    }

    private static ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Http.base().toString());
        return client;
    }

    private static AgentCall call(AgentCallsApi agentCalls, UUID id) {
        try {
            return agentCalls.getAgentCall(id);
        } catch (ApiException e) {
            throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    private static ErrorEnvelope envelope(ApiClient client, ApiException e) {
        try {
            return client.getObjectMapper().readValue(e.getResponseBody(), ErrorEnvelope.class);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private static List<UUID> ids(AgentPage page) {
        return page.getResult().stream().map(Agent::getId).toList();
    }
}
