package dev.agentbin.local.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven through its chromedriver (both from scripts/chromium.sh), against
 * the app under test on its test port. Every wait is an explicit condition with a deadline.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser (no cookies) with a window of the given size. */
    public static Browser open(int width, int height) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(executable("AGENTBIN_CHROMIUM", "/usr/bin/chromium"))
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=" + width + "," + height,
                        "--lang=en-US",
                        "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("AGENTBIN_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    private static String executable(String env, String fallback) {
        String path = System.getenv(env);
        return path == null || path.isBlank() ? fallback : path;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(Http.base().resolve(path).toString());
    }

    public void logIn(String username, String password) {
        go("/console");
        WebElement user = visible(By.id("username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        visible(By.id("logout"));
    }

    public WebElement visible(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void textIs(By by, String text) {
        until(ExpectedConditions.textToBe(by, text));
    }

    public void textContains(By by, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(100)).until(condition);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /**
     * A request from the page itself, with the page's cookie and nothing else: what the API answers
     * the logged-in person, whatever the page shows.
     *
     * @return the HTTP status
     */
    public long fetchStatus(String method, String path, String jsonBody) {
        Object status = driver.executeAsyncScript("""
                const [method, path, body, done] = arguments;
                const init = {method, credentials: 'same-origin'};
                if (body) { init.body = body; init.headers = {'Content-Type': 'application/json'}; }
                fetch(path, init).then(r => done(r.status), () => done(-1));""", method, path, jsonBody);
        return (Long) status;
    }

    /** The page's network cut (or restored), as when a laptop leaves the Wi-Fi. */
    public void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Saves a PNG of the window under target/console-screenshots/. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
