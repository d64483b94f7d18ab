package dev.agentbin.local.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One test's customer, used through its admin's token: agents, rings and reads, all over HTTP. */
public record Tenant(UUID customerId, String adminUsername, String token) {

    /**
     * An available agent with one sip address per simulator directive (e.g. "sim:no-answer"), wrap-up 0.
     *
     * @return its id
     */
    public String ringableAgent(String... directives) {
        List<Map<String, String>> addresses = new ArrayList<>();
        for (String directive : directives) {
            addresses.add(
                    Map.of("type", "sip", "target", "a" + UUID.randomUUID() + "@pbx.example.com", "detail", directive));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", "agent-" + UUID.randomUUID() + "@example.com");
        body.put("password", "a-long-password");
        body.put("name", "ringable");
        body.put("permission", 16);
        body.put("wrapup_seconds", 0);
        body.put("addresses", addresses);
        Http.Response created = expect(200, Http.post(token, "/v1.0/agents", body));
        String id = created.text("id");
        setStatus(id, "available");
        return id;
    }

    /**
     * An agent of this customer that can log in.
     *
     * @return its username
     */
    public String agentWithPassword(String password) {
        String username = "agent-" + UUID.randomUUID() + "@example.com";
        expect(
                200,
                Http.post(token, "/v1.0/agents", Map.of("username", username, "password", password, "permission", 16)));
        return username;
    }

    public Http.Response setStatus(String agentId, String status) {
        return Http.put(token, "/v1.0/agents/" + agentId + "/status", Map.of("status", status));
    }

    public Http.Response ring(String agentId) {
        return Http.post(
                token, "/v1.0/agentcalls", Map.of("agent_id", agentId, "source", "+15550001000", "ring_timeout", 30));
    }

    public Http.Response hangup(String agentCallId) {
        return Http.post(token, "/v1.0/agentcalls/" + agentCallId + "/hangup", null);
    }

    public Http.Response deleteAgent(String agentId) {
        return Http.delete(token, "/v1.0/agents/" + agentId);
    }

    public JsonNode agentCall(String id) {
        return expect(200, Http.get(token, "/v1.0/agentcalls/" + id)).body();
    }

    public String agentStatus(String agentId) {
        return expect(200, Http.get(token, "/v1.0/agents/" + agentId)).text("status");
    }

    private static Http.Response expect(int status, Http.Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + ", got " + response.status() + ": " + response.body());
        }
        return response;
    }
}
