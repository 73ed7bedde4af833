package org.childjourneys.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * Debian's headless Chromium driven by its chromedriver: signs in through the sign-in form like a
 * person, waits for the pages' scripts, saves screenshots under target/screenshots.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final WebDriver driver;
  private final String base;
  private final Path downloads;

  /**
   * Whether the browser tests can run here. CI (CHILDJOURNEYS_REQUIRE_BROWSER=true) installs the
   * browser, so there a missing one is a failure, not a skip.
   */
  static boolean available() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equals(System.getenv("CHILDJOURNEYS_REQUIRE_BROWSER"))) {
      throw new IllegalStateException(
          "CHILDJOURNEYS_REQUIRE_BROWSER is set but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing: apt-get install chromium chromium-driver");
    }
    return installed;
  }

  Browser(String base) {
    this.base = base;
    try {
      Path profile = Files.createDirectories(Path.of("target", "chromium")).toAbsolutePath();
      this.downloads = Files.createDirectories(Path.of("target", "downloads")).toAbsolutePath();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      // The flags this machine's closed network needs (no background connections), headless.
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1366,900",
          "--user-data-dir=" + Files.createTempDirectory(profile, "profile-"));
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory",
              downloads.toString(),
              "download.prompt_for_download",
              false));
      options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      this.driver = new ChromeDriver(service, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void open(String path) {
    driver.get(base + path);
  }

  void signIn(String user, String password) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("sign-in")).click();
    waitFor(By.id("sign-out"));
  }

  WebElement waitFor(By locator) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  void waitForText(By locator, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /** What the pages' scripts wrote to the console (errors included) since the last call. */
  java.util.List<String> console() {
    return driver.manage().logs().get("browser").getAll().stream()
        .map(e -> e.getLevel() + " " + e.getMessage())
        .toList();
  }

  Path downloads() {
    return downloads;
  }

  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      // The whole page, not just the window: grow the window to the page's height first.
      Dimension window = driver.manage().window().getSize();
      Number height =
          (Number)
              ((JavascriptExecutor) driver)
                  .executeScript("return document.documentElement.scrollHeight");
      driver
          .manage()
          .window()
          .setSize(new Dimension(window.getWidth(), Math.min(height.intValue() + 20, 2000)));
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      driver.manage().window().setSize(window);
      Files.write(file, png);
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
