package dev.agentbin.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.local.support.Browser;
import dev.agentbin.local.support.Http;
import dev.agentbin.local.support.Tenant;
import dev.agentbin.local.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The reset form in a real browser (Debian's headless Chromium), on the local run's HTTP server: the link
 * the local mailer logs opens the form, which sets the password, and shows why when it cannot.
 */
@QuarkusTest
@Tag("browser")
class PasswordResetPageTest {

    private static final Pattern LINK =
            Pattern.compile("http://localhost:\\d+/auth/password-reset\\?token=[0-9a-f]{64}");

    @Inject
    Tenants tenants;

    private static Browser window;
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        window = Browser.open(1024, 768);
        browser = window.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void theMailedLinkOpensAnAccessibleFormThatSetsThePassword() {
        Tenant tenant = tenants.create();
        browser.get(mailedLink(tenant.adminUsername()));

        assertEquals("Choose a new password", browser.getTitle());
        WebElement password = browser.findElement(By.id("password"));
        assertEquals(
                "New password",
                browser.findElement(By.cssSelector("label[for=password]")).getText());
        assertEquals("password-hint", password.getAttribute("aria-describedby"));
        assertFalse(browser.findElement(By.cssSelector("label[for=confirm]"))
                .getText()
                .isBlank());
        assertEquals("alert", browser.findElement(By.id("error")).getAttribute("role"));

        submit("a-new-local-password", "a-new-local-password");
        WebElement done = waitForText(By.id("done"));
        assertTrue(done.getText().contains("Your password is set"), done.getText());
        assertEquals("status", done.getAttribute("role"));
        assertFalse(browser.findElement(By.id("reset")).isDisplayed());
        assertEquals(
                200,
                Http.post(
                                null,
                                "/auth/login",
                                Map.of("username", tenant.adminUsername(), "password", "a-new-local-password"))
                        .status());
    }

    @Test
    void aWeakPasswordIsRefusedOnTheFieldAndTheLinkStillWorks() {
        Tenant tenant = tenants.create();
        browser.get(mailedLink(tenant.adminUsername()));

        submit("short", "short");
        WebElement error = waitForText(By.id("error"));
        assertTrue(error.getText().contains("8 to 72 characters"), error.getText());
        assertEquals("true", browser.findElement(By.id("password")).getAttribute("aria-invalid"));
        assertEquals("password", browser.switchTo().activeElement().getAttribute("id"));

        submit("long-enough-one", "long-enough-two");
        assertTrue(waitForText(By.id("error")).getText().contains("differ"));
        assertEquals("true", browser.findElement(By.id("confirm")).getAttribute("aria-invalid"));

        submit("long-enough-now", "long-enough-now");
        assertTrue(waitForText(By.id("done")).getText().contains("Your password is set"));
        assertTrue(browser.findElement(By.id("error")).getText().isEmpty());
    }

    @Test
    void anUnknownLinkSaysToAskForANewOne() {
        browser.get(Http.base() + "/auth/password-reset?token=" + "0".repeat(64));
        submit("a-valid-password", "a-valid-password");
        WebElement error = waitForText(By.id("error"));
        assertTrue(error.getText().contains("invalid, used or expired"), error.getText());
        assertTrue(browser.findElement(By.id("reset")).isDisplayed());
        assertTrue(browser.findElement(By.id("done")).getText().isEmpty());
    }

    @Test
    void aMalformedLinkShowsAnErrorInsteadOfTheForm() {
        browser.get(Http.base() + "/auth/password-reset?token=not-a-token");
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText().contains("not valid"));
        assertTrue(browser.findElements(By.id("reset")).isEmpty());
    }

    @Test
    void theFormFitsAPhoneScreen() {
        browser.manage().window().setSize(new Dimension(360, 640));
        try {
            browser.get(Http.base() + "/auth/password-reset?token=" + "0".repeat(64));
            long overflow = (Long) ((JavascriptExecutor) browser)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0, overflow);
            WebElement button = browser.findElement(By.cssSelector("button[type=submit]"));
            assertTrue(
                    button.getSize().getHeight() >= 40,
                    "button height " + button.getSize().getHeight());
        } finally {
            browser.manage().window().setSize(new Dimension(1024, 768));
        }
    }

    private String mailedLink(String username) {
        try (MailLog log = MailLog.attach()) {
            assertEquals(
                    200,
                    Http.post(null, "/auth/password-forgot", Map.of("username", username))
                            .status());
            String mail = log.messages().stream()
                    .filter(m -> m.contains(username))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no mail logged for " + username + ": " + log.messages()));
            Matcher link = LINK.matcher(mail);
            assertTrue(link.find(), mail);
            return link.group();
        }
    }

    private static void submit(String password, String again) {
        WebElement first = browser.findElement(By.id("password"));
        WebElement second = browser.findElement(By.id("confirm"));
        first.clear();
        first.sendKeys(password);
        second.clear();
        second.sendKeys(again);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('error').textContent = '';");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static WebElement waitForText(By locator) {
        return window.until(driver -> {
            WebElement element = driver.findElement(locator);
            return element.getText().isBlank() ? null : element;
        });
    }
}
