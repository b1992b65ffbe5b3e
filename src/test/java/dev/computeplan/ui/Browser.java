package dev.computeplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through the system chromedriver: nothing is downloaded at run time (the driver
 * path is explicit, so Selenium Manager is never asked). A missing browser fails the test: CI installs it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final String base;

    Browser(String base) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("%s missing: apt-get install -y chromium chromium-driver (.ci/run does)", CHROMIUM)
                .isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER))
                .as("%s missing: apt-get install -y chromium-driver (.ci/run does)", CHROMEDRIVER)
                .isTrue();
        this.base = base;
        this.profile = Files.createTempDirectory("ui-chromium-profile");
        this.downloads = Files.createTempDirectory("ui-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1440,1100",
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    void open(String hash) {
        driver.get(base + "/" + hash);
    }

    WebElement find(String css) {
        return waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebDriverWait waitFor(Duration timeout) {
        // pages redraw parts of themselves as events arrive: an element found a moment ago may be replaced
        return (WebDriverWait) new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class);
    }

    /** Waits until the page says it has drawn everything (data fetched, tables built, charts painted). */
    void rendered(Duration timeout) {
        waitFor(timeout).until(d -> "true".equals(d.findElement(By.id("main")).getAttribute("data-rendered")));
    }

    /** Marks the page as not drawn, before a click that navigates, so that {@link #rendered} waits for the next page. */
    void stale() {
        js("document.getElementById('main').dataset.rendered = 'stale'");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Fails on any error the page logged to the console since the last call (uncaught errors, failed requests). */
    void noConsoleErrors(String page) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(errors).as("console errors on %s", page).isEmpty();
    }

    /** Every form control of the page has a label (a label element or aria-label), for screen readers. */
    void everyControlHasALabel(String page) {
        Object unlabelled = js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => !e.labels.length && !e.getAttribute('aria-label')).map(e => e.outerHTML)");
        assertThat((List<?>) unlabelled)
                .as("controls without a label on %s", page)
                .isEmpty();
    }

    /** A screenshot into docs/images when -Dui.screenshots=true, so that a normal build leaves the tree clean. */
    void screenshot(String name) throws IOException {
        screenshot(name, null);
    }

    /** The same, scrolled so that the element {@code css} (when given) is at the top. */
    void screenshot(String name, String css) throws IOException {
        if (!Boolean.getBoolean("ui.screenshots")) {
            return;
        }
        if (css == null) {
            js("window.scrollTo(0, 0)");
        } else {
            js("document.querySelector(arguments[0]).scrollIntoView()", css);
        }
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("docs/images/ui-" + name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
