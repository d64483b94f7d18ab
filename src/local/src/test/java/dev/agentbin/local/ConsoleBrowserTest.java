package dev.agentbin.local;

import dev.agentbin.local.support.Browser;
import dev.agentbin.local.support.Http;
import dev.agentbin.local.support.Tenant;
import dev.agentbin.local.support.Tenants;
import dev.agentbin.testing.SeededAgents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent console in a real browser (headless chromium) against the local run on its test port: what
 * a person sees and does, with the API and the simulator behind it. Nothing is mocked.
 */
@QuarkusTest
@Tag("browser")
class ConsoleBrowserTest {

    private static final String PASSWORD = "a-long-password";

    @Inject
    Tenants tenants;

    private Tenant tenant;
    private Browser browser;

    @BeforeEach
    void openBrowser() {
        tenant = tenants.create();
        browser = Browser.open(1280, 1000);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anAgentLogsInChangesItsStatusWhichSticksAfterAReloadAndLogsOut() {
        String username = agent("Jane Doe");
        browser.logIn(username, PASSWORD);
        browser.textIs(By.id("me-status"), "offline");
        browser.textIs(By.id("no-live-call"), "No call is ringing you.");
        browser.textIs(By.cssSelector("#recent-calls p"), "No calls yet.");

        browser.driver().findElement(By.cssSelector("[data-status=away]")).click();
        browser.textIs(By.id("me-status"), "away");
        browser.driver().navigate().refresh();
        browser.textIs(By.id("me-status"), "away");
        Assertions.assertEquals(
                "true",
                browser.driver()
                        .findElement(By.cssSelector("[data-status=away]"))
                        .getAttribute("aria-pressed"));
        Assertions.assertEquals(
                "away",
                Http.get(tenant.token(), "/v1.0/agents/" + agentId(username)).text("status"));

        browser.driver().findElement(By.id("logout")).click();
        browser.textIs(By.id("login-reason"), "You are logged out.");
        browser.driver().navigate().refresh();
        browser.visible(By.id("login-form"));
        Assertions.assertEquals(401, browser.fetchStatus("GET", "/v1.0/me", null), "the cookie is gone");
    }

    @Test
    void anAgentSeesTheCallRingingItLegByLegWithoutAReload() {
        String username = agent("Jane Doe");
        String agent = agentId(username);
        setAddresses(agent, "sim:no-answer", "sim:busy:700");
        tenant.setStatus(agent, "available");
        browser.logIn(username, PASSWORD);
        browser.textIs(By.id("me-status"), "available");
        browser.driver().executeScript("window.notReloaded = true");

        // A ring nobody answers: both legs ring, the busy one ends, then the ring times out.
        ring(agent, 5);
        browser.textIs(By.id("me-status"), "ringing");
        browser.visible(By.cssSelector("#live-call[data-status=ringing]"));
        browser.visible(By.cssSelector("#ring-live li[data-status=ringing]"));
        browser.visible(By.cssSelector("#ring-live li[data-status=ended]"));
        browser.screenshot("agent-ringing");
        browser.textIs(By.id("no-live-call"), "No call is ringing you.");
        browser.textContains(By.id("recent-list"), "no answer");

        // Ring-all: the sip leg answers at 1.5 s, the busy one ended before, the silent one is cancelled.
        setAddresses(agent, "sim:no-answer", "sim:answer:1500", "sim:busy:700");
        tenant.setStatus(agent, "available");
        String call = ring(agent, 20);
        browser.visible(By.cssSelector("#live-call[data-status=answered]"));
        browser.textIs(By.id("me-status"), "busy");
        WebElement answered = browser.visible(By.cssSelector("#ring-live li.answered"));
        Assertions.assertTrue(answered.getText().contains("Answered here"), answered.getText());
        browser.visible(By.cssSelector("#ring-live li[data-status=ended]"));
        WebElement canceled = browser.visible(By.cssSelector("#ring-live li[data-status=canceled]"));
        Assertions.assertTrue(canceled.getText().contains("completed elsewhere"), canceled.getText());
        browser.screenshot("agent-answered");

        Assertions.assertEquals(200, tenant.hangup(call).status());
        browser.textIs(By.id("no-live-call"), "No call is ringing you.");
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#recent-list > li"), 2));
        Assertions.assertEquals(Boolean.TRUE, browser.driver().executeScript("return window.notReloaded"));
    }

    @Test
    void aSupervisorFiltersAgentsByTagNameChangesTagsByNameAndIsToldWhyTheLastAdminStays() {
        String english = tag("English");
        String billing = tag("Billing");
        String nightShift = tag("Night shift");
        String jane = agent("Jane Doe");
        String ready = agentId(jane);
        String pausing = agentId(agent("Sam Lee"));
        agent("Kim Park");
        Http.put(tenant.token(), "/v1.0/agents/" + ready + "/tag_ids", Map.of("tag_ids", List.of(english, nightShift)));
        Http.put(tenant.token(), "/v1.0/agents/" + pausing + "/tag_ids", Map.of("tag_ids", List.of(billing)));
        // A deleted tag's id stays on the agent (as in the reference): the console marks it as unknown.
        Assertions.assertEquals(
                200, Http.delete(tenant.token(), "/v1.0/tags/" + nightShift).status());
        tenant.setStatus(ready, "available");
        tenant.setStatus(pausing, "away");

        browser.logIn(tenant.adminUsername(), SeededAgents.PASSWORD);
        browser.driver().findElement(By.id("nav-agents")).click();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#agents-body tr"), 4));
        browser.screenshot("supervisor-table");

        // Tags by name, never as raw ids.
        By janesTags = By.cssSelector("#agents-body tr[data-agent='" + jane + "'] .tag");
        browser.until(driver -> driver.findElements(janesTags).stream()
                .map(WebElement::getText)
                .toList()
                .equals(List.of("English", "unknown tag " + nightShift.substring(0, 8))));

        new Select(browser.driver().findElement(By.id("filter-status"))).selectByValue("available");
        browser.driver().findElement(By.cssSelector("#filter-form button")).click();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#agents-body tr"), 1));
        browser.textContains(By.id("agents-summary"), "1 agent match the filter");

        // The table follows statuses live: the paused agent comes back and shows up under "available".
        tenant.setStatus(pausing, "available");
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#agents-body tr"), 2));

        // The tag filter offers the customer's tags by name (the deleted one is gone from it).
        Select tagFilter = new Select(browser.driver().findElement(By.id("filter-tag")));
        Assertions.assertEquals(
                List.of("Any", "Billing", "English"),
                tagFilter.getOptions().stream().map(WebElement::getText).toList());
        tagFilter.selectByVisibleText("English");
        browser.driver().findElement(By.cssSelector("#filter-form button")).click();
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#agents-body tr"), 1));
        browser.textContains(By.id("agents-body"), "Jane Doe");
        browser.driver().findElement(By.cssSelector("#agents-body tr a")).click();

        // Picked by name: one box per tag, ticked when the agent carries it; the unknown id is listed, ticked.
        WebElement englishBox = browser.visible(By.cssSelector("#detail-tags input[value='" + english + "']"));
        browser.until(driver -> englishBox.isSelected());
        Assertions.assertEquals(
                "Billing English unknown tag " + nightShift.substring(0, 8),
                browser.driver().findElement(By.id("detail-tags")).getText().replace('\n', ' '));
        englishBox.click();
        browser.driver()
                .findElement(By.cssSelector("#detail-tags input[value='" + billing + "']"))
                .click();
        browser.driver()
                .findElement(By.cssSelector("#detail-tags input[value='" + nightShift + "']"))
                .click();
        browser.driver()
                .findElement(By.cssSelector("#detail-tags-form button[type=submit]"))
                .click();
        browser.textIs(By.id("detail-saved"), "Saved.");
        Assertions.assertEquals(List.of(billing), tagIds(ready));

        // The only admin may not stop being one: the API's 409 is shown next to the permission field.
        browser.go("/console#/agents/" + agentId(tenant.adminUsername()));
        WebElement admin = browser.visible(By.cssSelector("#detail-permission-form input[value='32']"));
        browser.until(driver -> admin.isSelected());
        admin.click();
        browser.driver()
                .findElement(By.cssSelector("#detail-permission-form input[value='16']"))
                .click();
        browser.driver()
                .findElement(By.cssSelector("#detail-permission-form button[type=submit]"))
                .click();
        browser.textContains(By.id("detail-permission-error"), "LAST_ADMIN");
        Assertions.assertEquals(
                32,
                Http.get(tenant.token(), "/v1.0/agents/" + agentId(tenant.adminUsername()))
                        .body()
                        .path("permission")
                        .asInt());
    }

    @Test
    void aPlainAgentSeesNoSupervisorControlsAndTheApiRefusesThemAnyway() {
        String username = agent("Jane Doe");
        String other = agentId(agent("Sam Lee"));
        browser.logIn(username, PASSWORD);
        browser.visible(By.id("agent-view"));
        Assertions.assertFalse(browser.driver().findElement(By.id("nav-agents")).isDisplayed());

        browser.go("/console#/agents/" + other);
        browser.visible(By.id("agent-view"));
        Assertions.assertFalse(
                browser.driver().findElement(By.id("supervisor-view")).isDisplayed());
        Assertions.assertFalse(
                browser.driver().findElement(By.id("agent-detail")).isDisplayed());

        Assertions.assertEquals(403, browser.fetchStatus("GET", "/v1.0/agents", null));
        Assertions.assertEquals(
                403, browser.fetchStatus("PUT", "/v1.0/agents/" + other + "/tag_ids", "{\"tag_ids\": []}"));
        Assertions.assertEquals(403, browser.fetchStatus("GET", "/v1.0/agentcalls?agent_id=" + other, null));
    }

    @Test
    void aDroppedConnectionIsShownAndRecoveredAndARevokedSessionGoesBackToLogin() {
        String username = agent("Jane Doe");
        browser.logIn(username, PASSWORD);
        browser.textIs(By.id("me-status"), "offline");

        browser.offline(true);
        browser.textContains(By.id("problem-text"), "Connection lost");
        browser.offline(false);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("problem")));

        // A password change revokes every token: the next poll answers 401 and the page asks to log in.
        Assertions.assertEquals(
                200,
                Http.put(
                                tenant.token(),
                                "/v1.0/agents/" + agentId(username) + "/password",
                                Map.of("password", "another-long-password"))
                        .status());
        browser.textIs(By.id("login-reason"), "Your session has ended. Log in again.");
    }

    /** A plain agent (permission 16) that logs in with PASSWORD; returns its username. */
    private String agent(String name) {
        String username = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response created = Http.post(
                tenant.token(),
                "/v1.0/agents",
                Map.of("username", username, "password", PASSWORD, "name", name, "permission", 16));
        Assertions.assertEquals(200, created.status(), created.toString());
        return username;
    }

    private String agentId(String username) {
        return Http.get(tenant.token(), "/v1.0/agents?page_size=100")
                .body()
                .path("result")
                .valueStream()
                .filter(agent -> agent.path("username").asText().equals(username))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
    }

    /** A tag of the tenant's customer; returns its id. */
    private String tag(String name) {
        Http.Response created = Http.post(tenant.token(), "/v1.0/tags", Map.of("name", name, "detail", ""));
        Assertions.assertEquals(200, created.status(), created.toString());
        return created.text("id");
    }

    private List<String> tagIds(String agent) {
        return Http.get(tenant.token(), "/v1.0/agents/" + agent)
                .body()
                .path("tag_ids")
                .valueStream()
                .map(id -> id.asText())
                .toList();
    }

    private void setAddresses(String agent, String... directives) {
        List<Map<String, String>> addresses = java.util.Arrays.stream(directives)
                .map(directive -> Map.of(
                        "type",
                        "sip",
                        "target",
                        directive.replace(':', '-') + "-"
                                + UUID.randomUUID().toString().substring(0, 8) + "@pbx.example.com",
                        "detail",
                        directive))
                .toList();
        Http.Response response =
                Http.put(tenant.token(), "/v1.0/agents/" + agent + "/addresses", Map.of("addresses", addresses));
        Assertions.assertEquals(200, response.status(), response.toString());
    }

    private String ring(String agent, int ringTimeout) {
        Http.Response response = Http.post(
                tenant.token(),
                "/v1.0/agentcalls",
                Map.of("agent_id", agent, "source", "+15550009999", "ring_timeout", ringTimeout));
        Assertions.assertEquals(202, response.status(), response.toString());
        return response.text("id");
    }
}
