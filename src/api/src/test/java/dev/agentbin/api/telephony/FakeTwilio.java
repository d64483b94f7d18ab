package dev.agentbin.api.telephony;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentbin.telephony.twilio.TwilioForm;
import dev.agentbin.telephony.twilio.TwilioSignature;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.SAXException;

/**
 * A local stand-in for Twilio's Programmable Voice REST API (Twilio cannot be reached from here),
 * following its documented contract (telephony-notes §1 to §3):
 * <ul>
 * <li>only POST, only with HTTP Basic auth of our account SID and auth token, only under our account's
 * path: anything else is refused with Twilio's error envelope (405, 401 code 20003, 404 code 20404);</li>
 * <li>{@code POST /2010-04-01/Accounts/{AccountSid}/Calls.json} creates a call, {@code queued}, and answers
 * 201 with its {@code sid};</li>
 * <li>{@code POST .../Calls/{Sid}.json} with {@code Status} changes the call as Twilio does and answers 200
 * with the status it is really in: {@code canceled} ends a queued or ringing call but leaves an answered
 * one {@code in-progress}; {@code completed} ends any live call (one that had not answered as
 * {@code canceled}); a call that has ended stays as it ended. An unknown sid is 404 code 20404.</li>
 * </ul>
 * Calls move on as Twilio's would when a test tells it what Twilio reports ({@link #reports}).
 *
 * <p>Faults, to test how we survive a provider in trouble: a create whose {@code To} ends in
 * {@value #FAIL_5XX} answers 503 with Twilio's error envelope, in {@value #FAIL_MALFORMED} a 201 whose
 * body is not JSON, in {@value #FAIL_TIMEOUT} nothing until after our client's 10 s request time-out;
 * {@link #failUpdates} makes every update answer that way.
 *
 * <p>It also sends what Twilio sends us ({@link #statusCallback}, {@link #answer}, {@link #confirm}): form
 * posts with our account's AccountSid, signed with its auth token over the public URL Twilio was given.
 * A call whose TwiML dials a {@code <Conference>} joins the account's conference of that name, as on Twilio,
 * where every customer of the deployment shares the one account ({@link #conferenceOf}).
 */
final class FakeTwilio {

    /** The account the test configuration gives agentbin (application.properties, %test). */
    static final String ACCOUNT_SID = "ACtest00000000000000000000000000";

    static final String TOKEN = "test-auth-token";
    /** The public base URL agentbin gives Twilio for its webhooks. */
    static final String BASE = "https://agentbin.example.com";

    static final String FAIL_5XX = "0503";
    static final String FAIL_MALFORMED = "0502";
    static final String FAIL_TIMEOUT = "0504";

    enum Fault {
        NONE,
        SERVER_ERROR,
        MALFORMED
    }

    private volatile Fault updateFault = Fault.NONE;
    /** The account's auth token was rotated at Twilio and agentbin still has the old one. */
    private volatile boolean tokenRotated;

    record Request(String path, Map<String, List<String>> form) {}

    private static final Pattern UPDATE = Pattern.compile(".*/Calls/(CA[0-9a-f]{32})\\.json");
    private static final Set<String> FINAL = Set.of("completed", "canceled", "busy", "no-answer", "failed");
    private static final String ACCOUNT_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/";
    private static final String AUTHORIZATION =
            "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    /** Each call's status as Twilio holds it, by sid. */
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    /** The conference each call was put in, by sid: Twilio knows a conference by its name within the account. */
    private final Map<String, String> conferences = new ConcurrentHashMap<>();

    private volatile String lastSid;
    private volatile CountDownLatch createsHeld = new CountDownLatch(0);

    FakeTwilio() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/2010-04-01/Accounts/", this::handle);
        // Legs are originated in parallel: one slow answer must not hold up the others.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * From now on, a call is created (and recorded) at once but its 201 is held back until {@link #releaseCreates()}:
     * the state a dispatcher is in when it dies between Twilio placing a call and storing its sid.
     */
    void holdCreates() {
        createsHeld = new CountDownLatch(1);
    }

    void releaseCreates() {
        createsHeld.countDown();
    }

    /** The sid of the call created last, whether or not its 201 went out yet. */
    String lastSid() {
        return lastSid;
    }

    List<Request> creates() {
        return requests.stream().filter(r -> r.path().endsWith("/Calls.json")).toList();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The Status each call was updated with, by CallSid. */
    Map<String, String> updates() {
        Map<String, String> updates = new java.util.HashMap<>();
        for (Request request : requests) {
            Matcher m = UPDATE.matcher(request.path());
            if (m.matches()) {
                updates.put(m.group(1), request.form().get("Status").get(0));
            }
        }
        return updates;
    }

    /** Every Status sent to one call, in order. */
    List<String> updatesOf(String sid) {
        return requests.stream()
                .filter(r -> r.path().endsWith("/Calls/" + sid + ".json"))
                .map(r -> r.form().get("Status").get(0))
                .toList();
    }

    /** Every request is then refused as Twilio refuses a wrong auth token (401, code 20003). */
    void rotateToken(boolean rotated) {
        tokenRotated = rotated;
    }

    void failUpdates(Fault fault) {
        updateFault = fault;
    }

    /** The name of the account's conference the call was put in by the TwiML we answered, or null. */
    String conferenceOf(String sid) {
        return conferences.get(sid);
    }

    /** The status the call is really in at Twilio. */
    String status(String sid) {
        return statuses.get(sid);
    }

    /**
     * The call moved on at Twilio as a callback to us says (ringing, in-progress when someone picks up and
     * Twilio fetches the answer URL, or how it ended); an ended call stays ended.
     */
    void reports(String sid, String status) {
        statuses.computeIfPresent(sid, (k, now) -> FINAL.contains(now) ? now : status);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, List<String>> form =
                TwilioForm.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())) {
            reply(exchange, 405, "{\"code\":20004,\"message\":\"Method not allowed\",\"status\":405}");
            return;
        }
        if (tokenRotated || !AUTHORIZATION.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
            return;
        }
        if (!path.startsWith(ACCOUNT_PATH)) {
            reply(
                    exchange,
                    404,
                    "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
            return;
        }
        requests.add(new Request(path, form));
        Matcher update = UPDATE.matcher(path);
        String to = form.containsKey("To") ? form.get("To").get(0) : "";
        if ((update.matches() && updateFault == Fault.SERVER_ERROR) || (!update.matches() && to.endsWith(FAIL_5XX))) {
            reply(exchange, 503, "{\"code\":20503,\"message\":\"Service unavailable\",\"status\":503}");
        } else if ((update.matches() && updateFault == Fault.MALFORMED)
                || (!update.matches() && to.endsWith(FAIL_MALFORMED))) {
            reply(exchange, update.matches() ? 200 : 201, "<html>upstream proxy</html>");
        } else if (!update.matches() && to.endsWith(FAIL_TIMEOUT)) {
            try {
                Thread.sleep(11_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        } else if (update.matches() && !statuses.containsKey(update.group(1))) {
            reply(
                    exchange,
                    404,
                    "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
        } else if (update.matches()) {
            String status = statuses.compute(
                    update.group(1), (sid, now) -> next(now, form.get("Status").get(0)));
            reply(exchange, 200, "{\"sid\":\"" + update.group(1) + "\",\"status\":\"" + status + "\"}");
        } else if (path.endsWith("/Calls.json")) {
            String sid = String.format("CA%032x", calls.incrementAndGet());
            statuses.put(sid, "queued");
            lastSid = sid;
            awaitRelease();
            reply(
                    exchange,
                    201,
                    "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\""
                            + form.get("To").get(0) + "\"}");
        } else {
            reply(exchange, 404, "{\"code\":20404,\"message\":\"not found\",\"status\":404}");
        }
    }

    /** Twilio's rules for Status on a call in a given state (telephony-notes §3). */
    private static String next(String now, String requested) {
        if (FINAL.contains(now)) {
            return now;
        }
        boolean answered = "in-progress".equals(now);
        return switch (requested) {
            case "canceled" -> answered ? now : "canceled";
            case "completed" -> answered ? "completed" : "canceled";
            default -> now;
        };
    }

    private void awaitRelease() {
        try {
            createsHeld.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Twilio's status callback for a leg's call; the call takes that status here first. */
    Response statusCallback(String leg, String sid, String status) {
        reports(sid, status);
        return signed("/v1.0/telephony/twilio/events", leg, Map.of("CallSid", sid, "CallStatus", status))
                .post();
    }

    /** Twilio fetching the TwiML of a leg that picked up. */
    Response answer(String leg, String sid) {
        return answer(leg, sid, Map.of());
    }

    /** Twilio fetching the TwiML of a leg that picked up, with what else it sends then (e.g. AnsweredBy). */
    Response answer(String leg, String sid, Map<String, String> more) {
        reports(sid, "in-progress");
        Map<String, String> form = new HashMap<>(more);
        form.put("CallSid", sid);
        form.put("CallStatus", "in-progress");
        return follow(sid, signed("/v1.0/telephony/twilio/answer", leg, form).post());
    }

    /** Twilio posting the keys a person pressed on an answered leg (Gather's action). */
    Response confirm(String leg, String sid, String digits) {
        return follow(
                sid,
                signed("/v1.0/telephony/twilio/confirm", leg, Map.of("CallSid", sid, "Digits", digits))
                        .post());
    }

    /** Twilio carrying out the TwiML we answered: {@code <Dial><Conference>name} puts the call in that conference. */
    private Response follow(String sid, Response twiml) {
        if (twiml.statusCode() == 200 && twiml.asString().contains("<Conference>")) {
            try {
                var document = DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(twiml.asByteArray()));
                conferences.put(
                        sid, document.getElementsByTagName("Conference").item(0).getTextContent());
            } catch (ParserConfigurationException | SAXException | IOException e) {
                throw new IllegalStateException("Twilio could not read the TwiML: " + twiml.asString(), e);
            }
        }
        return twiml;
    }

    /** A request as Twilio makes it to one of our webhooks: posted to {@code path?leg=}, signed, not yet sent. */
    static RequestSpecification signed(String path, String leg, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("AccountSid", ACCOUNT_SID);
        Map<String, List<String>> params = new HashMap<>();
        form.forEach((name, value) -> params.put(name, List.of(value)));
        String url = BASE + path + "?leg=" + leg;
        return RestAssured.given()
                .basePath(path)
                .contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .queryParam("leg", leg)
                .header("X-Twilio-Signature", TwilioSignature.compute(TOKEN, url, params));
    }
}
