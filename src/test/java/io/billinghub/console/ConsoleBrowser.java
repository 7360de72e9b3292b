package io.billinghub.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs) driving the console as
 * a user does. The binaries are taken from /usr/bin, never downloaded (Selenium Manager is not asked); other paths
 * come from -Dhub.test.chromium and -Dhub.test.chromedriver. Screenshots go to target/console-screenshots.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final WebDriver driver;
    private final String base;
    private final WebDriverWait wait;

    ConsoleBrowser(int port) {
        String chromium = System.getProperty("hub.test.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("hub.test.chromedriver", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("the console's browser tests need " + chromium + " and " + chromedriver
                    + ": apt-get install chromium chromium-driver (.ci/run installs them when missing)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                // this machine's network is closed: no calls home, no component updates
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    void signIn(String username, String password) {
        driver.get(base + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(username);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=who-name]"), username));
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
    }

    /** Opens a console address afresh (a full load, so nothing of the previous page remains). */
    void open(String hash) {
        driver.get(base + "/console/#/" + hash);
        driver.navigate().refresh();
    }

    WebElement await(String testid) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(byTestid(testid)));
    }

    void awaitText(String testid, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestid(testid), text));
    }

    List<WebElement> all(String testid) {
        return driver.findElements(byTestid(testid));
    }

    List<WebElement> all(WebElement within, String testid) {
        return within.findElements(byTestid(testid));
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    void click(String css) {
        find(css).click();
    }

    static By byTestid(String testid) {
        return By.cssSelector("[data-testid='" + testid + "']");
    }

    /** Waits until the toast says something containing {@code text}; returns all it says. */
    String toastContaining(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), text));
        return driver.findElement(By.id("toast")).getText();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
