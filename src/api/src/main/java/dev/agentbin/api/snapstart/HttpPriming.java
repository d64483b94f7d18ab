package dev.agentbin.api.snapstart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.access.Caller;
import dev.agentbin.access.Permission;
import dev.agentbin.agent.Agent;
import dev.agentbin.agent.AgentListQuery;
import dev.agentbin.agent.AgentPage;
import dev.agentbin.agent.AgentService;
import dev.agentbin.agent.StatusRequest;
import dev.agentbin.api.auth.JwtSettings;
import dev.agentbin.api.web.ApiObjectMapper;
import dev.agentbin.auth.CallerLoader;
import dev.agentbin.common.ApiException;
import dev.agentbin.common.SyntheticLambdaContext;
import dev.agentbin.snapstart.SnapStartPriming;
import io.agroal.api.AgroalDataSource;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaRecorder;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Primes the HTTP functions before their SnapStart snapshot ({@link SnapStartPriming}). Nothing can be
 * changed and no real token can be made (the functions hold only the public key), so the request path is
 * run in two halves:
 * <ul>
 * <li>through the Lambda entry point, as API Gateway events: list, get and status requests carrying a
 * well-formed token signed by a throw-away key. Each is refused with 401 after the event is parsed, routed,
 * the token parsed and its RS256 signature checked, and the error envelope written;</li>
 * <li>what follows authentication, called directly in a transaction that is rolled back: the caller
 * look-up, the list, the get and the status update of the first page of one customer (any, when the
 * database has agents), each result written as the REST layer writes it.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpPriming {

    private static final UUID NOBODY = new UUID(0, 0);
    private static final int PAGE = 10;

    private final AgentService agents;
    private final CallerLoader callers;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final JwtSettings jwt;
    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;

    public HttpPriming(
            AgentService agents,
            CallerLoader callers,
            EntityManager entityManager,
            ApiObjectMapper json,
            JwtSettings jwt,
            AgroalDataSource dataSource,
            TransactionManager transactions) {
        this.agents = agents;
        this.callers = callers;
        this.entityManager = entityManager;
        this.json = json.getContext(AgentPage.class);
        this.jwt = jwt;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    void onStart(@Observes StartupEvent event) {
        SnapStartPriming.install("the HTTP functions", this::prime, dataSource);
    }

    private void prime() {
        String token = unverifiableToken();
        for (int round = 0; round < SnapStartPriming.ROUNDS; round++) {
            primeOnce(token);
        }
    }

    private void primeOnce(String token) {
        String agentPath = "/v1.0/agents/" + NOBODY;
        invoke(httpEvent("GET", "/v1.0/agents", "page_size=" + PAGE, token, null));
        invoke(httpEvent("GET", agentPath, "", token, null));
        invoke(httpEvent("PUT", agentPath + "/status", "", token, "{\"status\":\"available\"}"));
        try {
            transactions.begin();
            try {
                callers.byToken(NOBODY, NOBODY, 0);
                readsOfOneCustomer();
            } finally {
                transactions.rollback();
            }
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readsOfOneCustomer() {
        List<?> customers = entityManager
                .createNativeQuery("select customer_id from agent_agents where tm_delete is null limit 1", UUID.class)
                .getResultList();
        if (customers.isEmpty()) {
            return;
        }
        Caller admin = new Caller(NOBODY, (UUID) customers.get(0), Permission.CUSTOMER_ADMIN, 0);
        AgentPage page = agents.list(admin, new AgentListQuery(PAGE, null, null, List.of()));
        write(page);
        if (page.result().isEmpty()) {
            return;
        }
        Agent first = page.result().get(0);
        write(agents.get(admin, first.id()));
        try {
            write(agents.updateStatus(admin, first.id(), new StatusRequest(first.status())));
        } catch (ApiException refused) {
            // An agent in a call keeps its status: the refusal path is primed instead.
        }
    }

    private void write(Object body) {
        try {
            json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String unverifiableToken() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            PrivateKey throwAway = rsa.generateKeyPair().getPrivate();
            return Jwt.issuer(jwt.issuer())
                    .audience(jwt.audience())
                    .subject(NOBODY.toString())
                    .claim("customer_id", NOBODY.toString())
                    .sign(throwAway);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String httpEvent(String method, String path, String query, String token, String body) {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", query);
        event.put("cookies", List.of("token=" + token));
        event.put(
                "headers",
                body == null
                        ? Map.of("accept", "application/json")
                        : Map.of("accept", "application/json", "content-type", "application/json"));
        event.put(
                "requestContext",
                Map.of(
                        "http",
                        Map.of(
                                "method",
                                method,
                                "path",
                                path,
                                "protocol",
                                "HTTP/1.1",
                                "sourceIp",
                                "127.0.0.1",
                                "userAgent",
                                "snapstart-priming"),
                        "requestId",
                        "snapstart-priming",
                        "stage",
                        "$default"));
        event.put("isBase64Encoded", false);
        if (body != null) {
            event.put("body", body);
        }
        try {
            return new ObjectMapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void invoke(String event) {
        try {
            AmazonLambdaRecorder.handle(
                    new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(),
                    SyntheticLambdaContext.priming());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
