package org.qinglian.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, at a 1366×768 laptop's size. Finds
 * elements through the shadow roots of the portal's web components, types into Shoelace inputs
 * as a user does, saves screenshots under {@code target/screenshots/}, and collects the
 * browser console's errors.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Finds the first element matching a CSS selector in the document or any open shadow root. */
    private static final String DEEP_QUERY = "const sel = arguments[0];"
            + "function q(root) { const hit = root.querySelector(sel); if (hit) return hit;"
            + "  for (const el of root.querySelectorAll('*')) { if (el.shadowRoot) { const h = q(el.shadowRoot); if (h) return h; } }"
            + "  return null; }"
            + "return q(document);";

    /** The visible text of the page, through shadow roots. */
    private static final String DEEP_TEXT = "function t(root) { let s = '';"
            + "  for (const n of root.childNodes) {"
            + "    if (n.nodeType === 3) s += n.textContent + ' ';"
            + "    else if (n.nodeType === 1 && n.tagName !== 'SCRIPT' && n.tagName !== 'STYLE') {"
            + "      if (n.shadowRoot) s += t(n.shadowRoot); s += t(n); } }"
            + "  return s; }"
            + "return t(document.body).replace(/\\s+/g, ' ');";

    final ChromeDriver driver;
    private final List<String> errors = new ArrayList<>();

    Browser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("qinglian.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("qinglian.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--window-size=1366,768");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    void open(String path) {
        driver.get(Http.BASE + path);
    }

    /** Waits for an element (through shadow roots) and answers it. */
    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "no element " + css + " on "
                + driver.getCurrentUrl() + ": " + text())
                .until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(DEEP_QUERY, css));
    }

    /** Whether an element is on the page now (through shadow roots). */
    boolean has(String css) {
        return driver.executeScript(DEEP_QUERY, css) != null;
    }

    /** Waits until an element is gone. */
    void gone(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "still there: " + css)
                .until(d -> ((JavascriptExecutor) d).executeScript(DEEP_QUERY, css) == null);
    }

    /** Types into a Shoelace input (its inner input element) or a plain input. */
    void type(String css, String value) {
        WebElement host = find(css);
        WebElement input = host.getTagName().startsWith("sl-")
                ? host.getShadowRoot().findElement(By.cssSelector("input")) : host;
        input.clear();
        input.sendKeys(value);
    }

    void click(String css) {
        WebElement element = find(css);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** The page's visible text, through shadow roots. */
    String text() {
        return String.valueOf(driver.executeScript(DEEP_TEXT));
    }

    /** Waits until the page's text contains a phrase. */
    void waitForText(String phrase) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "no text '" + phrase + "' in: " + text())
                .until(d -> text().contains(phrase));
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Saves a screenshot; answers its path. */
    Path shot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        System.out.println("screenshot: " + file);
        return file;
    }

    /** The console errors since the last call (warnings and below are not errors). */
    List<String> consoleErrors() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        List<String> copy = new ArrayList<>(errors);
        errors.clear();
        return copy;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
