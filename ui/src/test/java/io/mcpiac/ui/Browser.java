package io.mcpiac.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.network.Network;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (no download: SE_OFFLINE), with
 * a fresh profile; screenshots go to target/screenshots.
 */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  final ChromeDriver driver;
  private final Path profile;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  Browser() {
    try {
      profile = Files.createTempDirectory("mcp-iac-ui-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(env("MCP_IAC_CHROMIUM", "/usr/bin/chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(env("MCP_IAC_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    // every request the page makes, seen from the browser's side (Chrome DevTools Protocol)
    DevTools devTools = driver.getDevTools();
    devTools.createSession();
    devTools.send(
        Network.enable(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
    devTools.addListener(Network.requestWillBeSent(), r -> requests.add(r.getRequest().getUrl()));
  }

  /** The URLs of every request made since the last {@link #forgetRequests}. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  void forgetRequests() {
    requests.clear();
  }

  static boolean available() {
    return Files.isExecutable(Path.of(env("MCP_IAC_CHROMIUM", "/usr/bin/chromium")))
        && Files.isExecutable(Path.of(env("MCP_IAC_CHROMEDRIVER", "/usr/bin/chromedriver")));
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** Waits until {@code condition} gives something other than null or false, and returns it. */
  <T> T waitFor(Function<WebDriver, T> condition) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions()
        .until(() -> condition.apply(driver), v -> v != null && !Boolean.FALSE.equals(v));
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
