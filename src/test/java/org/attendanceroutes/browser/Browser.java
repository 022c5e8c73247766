package org.attendanceroutes.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class (register it as a static {@code @RegisterExtension} field):
 * Debian's chromium and chromedriver, never a downloaded one. Pages record a screenshot at each
 * step; when a test fails, its steps, the page as it stood and the browser's console are written to
 * {@code target/browser-screenshots/<class>/<test>/}. Without Chromium the tests are skipped, unless
 * {@value #REQUIRED} is {@code true} (as in .ci/run), when they fail.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterTestExecutionCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String REQUIRED = "BROWSER_TESTS_REQUIRED";
    static final String MISSING = "the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM
            + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    /** Generous: a webapp's first load in a new context is slow when two cores run the whole suite. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private record Step(String name, byte[] png) {
    }

    private final List<Step> steps = new ArrayList<>();
    private ChromeDriver driver;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!installed()) {
            if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
                throw new IllegalStateException(MISSING);
            }
            return; // each test is skipped, saying why
        }
        // a fresh profile each time; the flags keep a machine without outside network from waiting on it
        profile = Files.createTempDirectory("attendance-routes-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Each test records its own steps. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(driver != null, MISSING);
        steps.clear();
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        step("at the failure");
        Path folder = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName())
                .resolve(context.getRequiredTestMethod().getName());
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                Files.write(folder.resolve(String.format("%02d-%s.png", i + 1, step.name().replaceAll("[^A-Za-z0-9]+", "-"))),
                        step.png());
            }
            Files.writeString(folder.resolve("page.html"), "<!-- " + driver.getCurrentUrl() + " -->\n"
                    + driver.getPageSource(), StandardCharsets.UTF_8);
            Files.write(folder.resolve("console.txt"), driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Ends every session: a blank page first, so no request still under way sets a cookie again,
     * then all cookies cleared (the webapps' session and CSRF token are cookies).
     */
    void logOut() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Clicks the element scrolled to the middle of the window, clear of the webapps' fixed header and footer. */
    void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Records what the browser shows now, kept only if the test fails. */
    void step(String name) {
        steps.add(new Step(name, driver.getScreenshotAs(OutputType.BYTES)));
    }

    /** Waits until {@code condition} gives a value other than null or false, and returns it. */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }
}
