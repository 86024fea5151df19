package dev.codebuildspec.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Chromium on the Jenkins under test, as a user's browser sees its pages. */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getProperty("codebuildspec.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("codebuildspec.chromedriver", "/usr/bin/chromedriver"));
    /** Where screenshots are kept with the run (target/, next to the failsafe reports). */
    static final Path SCREENSHOTS = Path.of(System.getProperty("codebuildspec.screenshots", "target/screenshots"));

    final WebDriver driver;
    private final Jenkins jenkins;

    private Browser(WebDriver driver, Jenkins jenkins) {
        this.driver = driver;
        this.jenkins = jenkins;
    }

    /** A browser, or the test is skipped where Chromium and chromedriver are missing. */
    static Browser open(Jenkins jenkins) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are needed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // Headless, and no background connections: this machine's network is closed, and a test needs none.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("acc-chromium"));
        return new Browser(new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options), jenkins);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens a Jenkins page and waits for it to load. */
    void get(String path) {
        driver.get(jenkins.url() + path);
        waiting().until(d -> "complete".equals(script("return document.readyState")));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Keeps a picture of {@code element} as {@code <name>.png} with the run; returns the file. */
    Path screenshot(WebElement element, String name) throws IOException {
        // Centred: the page's sticky breadcrumb bar would cover an element scrolled to the top.
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) element).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
