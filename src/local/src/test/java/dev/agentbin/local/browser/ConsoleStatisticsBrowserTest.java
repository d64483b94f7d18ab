package dev.agentbin.local.browser;

import dev.agentbin.local.support.Browser;
import dev.agentbin.local.support.Http;
import dev.agentbin.local.support.Tenant;
import dev.agentbin.local.support.Tenants;
import dev.agentbin.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's figures in a real browser against the local run: today's answered, missed and time to
 * answer per agent with the counts by status now, an opened agent's statistics and status history, and
 * an agent's own day. The rings are real (the simulator answers or stays silent as each address says).
 */
@QuarkusTest
@Tag("browser")
class ConsoleStatisticsBrowserTest {

    private static final String PASSWORD = "a-long-password";
    /** A duration as the console writes one under a minute: "1.6 s". */
    private static final Pattern SECONDS = Pattern.compile("(\\d+\\.\\d) s");

    @Inject
    Tenants tenants;

    private Tenant tenant;
    private Browser browser;
    private final List<String> openCalls = new ArrayList<>();

    @BeforeEach
    void openBrowser() {
        tenant = tenants.create();
        browser = Browser.open(1280, 1000);
    }

    @AfterEach
    void closeBrowser() {
        openCalls.forEach(tenant::hangup);
        browser.close();
    }

    @Test
    void theAgentsTableShowsTodaysFiguresPerAgentAndTheCountsByStatusNow() {
        String english = tag("English");
        String billing = tag("Billing");
        String jane = agent("Jane Doe", "sim:answer:1500");
        String sam = agent("Sam Lee", "sim:no-answer");
        String alex = agent("Alex Ruiz", "sim:answer:3000");
        String kim = agent("Kim Park");
        tagIds(jane, english);
        tagIds(sam, english, billing);
        tagIds(alex, billing);
        tenant.setStatus(kim, "away");

        // Three rings at once: Jane answers at 1.5 s (then hangs up), Sam never does, Alex answers at 3 s and stays on.
        String janesCall = ring(jane, 20);
        String samsCall = ring(sam, 5);
        String alexsCall = ring(alex, 20);
        openCalls.add(alexsCall);
        awaitCall(janesCall, "answered");
        Assertions.assertEquals(200, tenant.hangup(janesCall).status());
        awaitCall(janesCall, "completed");
        awaitCall(samsCall, "no_answer");
        awaitCall(alexsCall, "answered");
        awaitStatus(jane, "available");
        awaitStatus(sam, "available");

        browser.logIn(tenant.adminUsername(), "correct-horse-battery");
        browser.driver().findElement(By.id("nav-agents")).click();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#agents-body tr"), 5));

        // Now: Jane and Sam available, Alex busy on his call, Kim away, the admin offline.
        Map<String, String> counts = Map.of(
                "available",
                "2",
                "ringing",
                "0",
                "busy",
                "1",
                "wrapup",
                "0",
                "away",
                "1",
                "offline",
                "1",
                "total",
                "5");
        counts.forEach((status, count) ->
                browser.textIs(By.cssSelector("#status-now li[data-status=" + status + "] .count"), count));

        // Today per agent: counts always, a time to answer only where something was answered.
        figuresAre("Jane Doe", "1", "0");
        figuresAre("Sam Lee", "0", "1");
        figuresAre("Alex Ruiz", "1", "0");
        figuresAre("Kim Park", "0", "0");
        Assertions.assertEquals("—", figure("Sam Lee", "answer-mean"));
        Assertions.assertEquals("—", figure("Kim Park", "answer-mean"));
        assertSecondsBetween(figure("Jane Doe", "answer-mean"), 1.5, 10);
        assertSecondsBetween(figure("Alex Ruiz", "answer-mean"), 3.0, 12);
        Assertions.assertFalse(
                browser.driver().findElement(By.tagName("body")).getText().contains("NaN"));
        Assertions.assertFalse(
                browser.driver().findElement(By.id("figures-error")).isDisplayed());
        // The picture of the table in the README (docs/console-supervisor-table.png).
        browser.screenshot("supervisor-table-figures");
    }

    @Test
    void anOpenedAgentShowsItsStatisticsAndItsStatusHistoryNewestFirstWithCausesInWords() {
        String jane = agent("Jane Doe", "sim:no-answer");
        awaitCall(ring(jane, 5), "no_answer");
        awaitStatus(jane, "available");
        // More changes than one page of the history holds (20), each made by the admin.
        for (int i = 0; i < 10; i++) {
            tenant.setStatus(jane, "away");
            tenant.setStatus(jane, "available");
        }

        browser.logIn(tenant.adminUsername(), "correct-horse-battery");
        browser.go("/console#/agents/" + jane);
        browser.textIs(By.id("detail-stats-window"), "Today (UTC day)");
        browser.textIs(By.id("stat-offered"), "1");
        Assertions.assertEquals("0", text("stat-answered"));
        Assertions.assertEquals("1", text("stat-missed"));
        Assertions.assertEquals("0 %", text("stat-answer-rate"));
        Assertions.assertEquals("—", text("stat-answer-mean"));
        Assertions.assertEquals("—", text("stat-answer-p90"));
        Assertions.assertTrue(SECONDS.matcher(text("stat-time-ringing")).matches(), text("stat-time-ringing"));

        // The newest page: the admin's last change on top, the ring's claim and no answer further down, in that order.
        By rows = By.cssSelector("#history-table tbody tr");
        browser.until(ExpectedConditions.numberOfElementsToBe(rows, 20));
        WebElement newest = browser.all(rows).get(0);
        Assertions.assertEquals("available", newest.getAttribute("data-status"));
        Assertions.assertTrue(newest.getText().contains("Set by admin"), newest.getText());
        browser.visible(By.id("detail-history-more")).click();
        int all = historyCount(jane);
        Assertions.assertTrue(all > 20, "the API holds " + all);
        browser.until(ExpectedConditions.numberOfElementsToBe(rows, all));
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("detail-history-more")));
        List<String> causes = browser.all(rows).stream()
                .map(row -> row.getAttribute("data-cause"))
                .toList();
        Assertions.assertTrue(
                causes.indexOf("no_answer") >= 0 && causes.indexOf("no_answer") < causes.indexOf("claim"),
                causes.toString());
        Assertions.assertTrue(
                row("no_answer").getText().contains("Did not answer a ring (call "),
                row("no_answer").getText());
        Assertions.assertTrue(
                row("claim").getText().contains("A call started ringing the agent"),
                row("claim").getText());

        // Another window: yesterday had nothing; a window backwards is refused before asking; Today comes back.
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        pickDays(yesterday, yesterday);
        browser.textIs(By.id("detail-stats-window"), yesterday + " (UTC day)");
        browser.textIs(By.id("stat-offered"), "0");
        Assertions.assertEquals("—", text("stat-answer-rate"));
        browser.textIs(By.id("history-empty"), "No status changes in this window.");
        pickDays(today, yesterday);
        browser.textIs(By.id("detail-stats-error"), "The first day must not be after the last day.");
        browser.driver().findElement(By.id("stats-today")).click();
        browser.textIs(By.id("stat-offered"), "1");
        browser.until(ExpectedConditions.numberOfElementsToBe(rows, 20));
        Assertions.assertFalse(
                browser.driver().findElement(By.id("detail-stats-error")).isDisplayed());
        browser.screenshot("agent-statistics");
    }

    @Test
    void anAgentSeesItsOwnDayAndItMovesWhenARingEnds() {
        String jane = agent("Jane Doe", "sim:answer:1000");
        String answered = ring(jane, 20);
        awaitCall(answered, "answered");
        Assertions.assertEquals(200, tenant.hangup(answered).status());
        awaitStatus(jane, "available");
        String other = agent("Sam Lee");

        browser.logIn(username(jane), PASSWORD);
        browser.textIs(By.id("my-answered"), "1");
        Assertions.assertEquals("0", text("my-missed"));
        assertSecondsBetween(text("my-answer-mean"), 1.0, 10);
        Assertions.assertNotEquals("—", text("my-talk-total"));

        // A ring it misses shows without a reload: the console re-reads the day when a call ends.
        browser.driver().executeScript("window.notReloaded = true");
        setAddresses(jane, "sim:no-answer");
        awaitCall(ring(jane, 5), "no_answer");
        browser.textIs(By.id("my-missed"), "1");
        Assertions.assertEquals("1", text("my-answered"));
        Assertions.assertEquals(Boolean.TRUE, browser.driver().executeScript("return window.notReloaded"));
        Assertions.assertFalse(
                browser.driver().findElement(By.tagName("body")).getText().contains("NaN"));

        // Its own figures only: the customer's and another agent's are refused by the API.
        Assertions.assertEquals(200, browser.fetchStatus("GET", "/v1.0/agents/" + jane + "/statistics", null));
        Assertions.assertEquals(403, browser.fetchStatus("GET", "/v1.0/agent_statistics", null));
        Assertions.assertEquals(403, browser.fetchStatus("GET", "/v1.0/agents/" + other + "/statistics", null));
    }

    private void figuresAre(String name, String answered, String missed) {
        browser.textIs(figureCell(name, "answered"), answered);
        browser.textIs(figureCell(name, "missed"), missed);
    }

    private String figure(String name, String figure) {
        return browser.driver().findElement(figureCell(name, figure)).getText();
    }

    /** One figure (answered, missed, answer-mean) of the agents table's row of the agent with this name. */
    private static By figureCell(String name, String figure) {
        return By.xpath("//tbody[@id='agents-body']/tr[.//a[text()='" + name + "']]/td[@data-figure='" + figure + "']");
    }

    private static void assertSecondsBetween(String shown, double low, double high) {
        Matcher seconds = SECONDS.matcher(shown);
        Assertions.assertTrue(seconds.matches(), "a time in seconds: " + shown);
        double value = Double.parseDouble(seconds.group(1));
        Assertions.assertTrue(value >= low && value <= high, shown + " not within " + low + ".." + high + " s");
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private WebElement row(String cause) {
        return browser.driver().findElement(By.cssSelector("#history-table tbody tr[data-cause='" + cause + "']"));
    }

    /** Sets the two day fields as a date picker would and asks for them. */
    private void pickDays(String from, String to) {
        browser.driver()
                .executeScript(
                        "document.getElementById('stats-from').value = arguments[0];"
                                + "document.getElementById('stats-to').value = arguments[1];",
                        from,
                        to);
        browser.driver()
                .findElement(By.cssSelector("#detail-stats-form button[type=submit]"))
                .click();
    }

    /** How many status changes of today the API lists for the agent, across its pages. */
    private int historyCount(String agent) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        int count = 0;
        String token = "";
        do {
            Http.Response page = Http.get(
                    tenant.token(),
                    "/v1.0/agents/" + agent + "/status_history?from=" + today + "T00:00:00Z&to=" + tomorrow
                            + "T00:00:00Z&page_size=100&page_token=" + token);
            Assertions.assertEquals(200, page.status(), page.toString());
            int size = page.body().path("result").size();
            count += size;
            token = size == 100 ? page.text("next_page_token") : "";
        } while (!token.isEmpty());
        return count;
    }

    /**
     * An agent with a name, one sip address per simulator directive and no wrap-up, available when it has
     * addresses (offline otherwise); it logs in with PASSWORD. Returns its id.
     */
    private String agent(String name, String... directives) {
        String username = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response created = Http.post(
                tenant.token(),
                "/v1.0/agents",
                Map.of(
                        "username",
                        username,
                        "password",
                        PASSWORD,
                        "name",
                        name,
                        "permission",
                        16,
                        "wrapup_seconds",
                        0,
                        "addresses",
                        addresses(directives)));
        Assertions.assertEquals(200, created.status(), created.toString());
        String id = created.text("id");
        if (directives.length > 0) {
            Assertions.assertEquals(200, tenant.setStatus(id, "available").status());
        }
        return id;
    }

    private String username(String agent) {
        return Http.get(tenant.token(), "/v1.0/agents/" + agent).text("username");
    }

    private static List<Map<String, String>> addresses(String... directives) {
        return java.util.Arrays.stream(directives)
                .map(directive -> Map.of(
                        "type",
                        "sip",
                        "target",
                        directive.replace(':', '-') + "-"
                                + UUID.randomUUID().toString().substring(0, 8) + "@pbx.example.com",
                        "detail",
                        directive))
                .toList();
    }

    private void setAddresses(String agent, String... directives) {
        Http.Response response = Http.put(
                tenant.token(), "/v1.0/agents/" + agent + "/addresses", Map.of("addresses", addresses(directives)));
        Assertions.assertEquals(200, response.status(), response.toString());
    }

    private String tag(String name) {
        Http.Response created = Http.post(tenant.token(), "/v1.0/tags", Map.of("name", name, "detail", ""));
        Assertions.assertEquals(200, created.status(), created.toString());
        return created.text("id");
    }

    private void tagIds(String agent, String... tags) {
        Assertions.assertEquals(
                200,
                Http.put(tenant.token(), "/v1.0/agents/" + agent + "/tag_ids", Map.of("tag_ids", List.of(tags)))
                        .status());
    }

    private String ring(String agent, int ringTimeout) {
        Http.Response response = Http.post(
                tenant.token(),
                "/v1.0/agentcalls",
                Map.of("agent_id", agent, "source", "+15550009999", "ring_timeout", ringTimeout));
        Assertions.assertEquals(202, response.status(), response.toString());
        return response.text("id");
    }

    private void awaitCall(String call, String status) {
        Await.until(
                "agentcall " + call + " " + status,
                () -> tenant.agentCall(call).path("status").asText(),
                status::equals);
    }

    private void awaitStatus(String agent, String status) {
        Await.until("agent " + agent + " " + status, () -> tenant.agentStatus(agent), status::equals);
    }
}
