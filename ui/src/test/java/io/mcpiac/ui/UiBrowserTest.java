package io.mcpiac.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.states.StateStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The issue's scenarios in a real browser (Debian's Chromium, headless) against the OPNsense
 * emulator: what the page shows is checked against what the firewall and the state store hold.
 */
class UiBrowserTest {
  private static Browser browser;

  @TempDir Path dir;
  private FirewallBackend backend;
  private FirewallApi firewall;
  private UiServer server;

  @BeforeAll
  static void startBrowser() {
    // CI installs Chromium (scripts/start-browser.sh) and requires these tests to run
    assumeTrue(
        Browser.available() || "1".equals(System.getenv("MCP_IAC_REQUIRE_BROWSER")),
        "no chromium/chromedriver here: run scripts/start-browser.sh");
    browser = new Browser();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    backend = new FirewallBackend(dir);
    firewall = new FirewallApi(backend.firewall);
    server = UiServer.start(backend, new UiSettings("127.0.0.1", 0, UiSettings.randomToken()));
    browser.forgetRequests();
  }

  @AfterEach
  void stop() {
    server.close();
    backend.close();
  }

  // ---- helpers

  private void open(String hash) {
    browser.driver.get(server.url() + hash);
    browser.waitFor(
        d ->
            d.findElement(By.cssSelector("#page-" + hash.substring(1).split("/")[0]))
                .isDisplayed());
  }

  private WebElement $(String css) {
    return browser.driver.findElement(By.cssSelector(css));
  }

  private List<WebElement> all(String css) {
    return browser.driver.findElements(By.cssSelector(css));
  }

  private void planFile(Path file) {
    open("#plan");
    $("#plan-file").clear();
    $("#plan-file").sendKeys(file.toString());
    $("#plan-button").click();
    browser.waitFor(d -> $("#plan-result").isDisplayed() || $("#plan-error").isDisplayed());
  }

  private WebElement node(String name) {
    return $("#graph g.node[data-resource='" + name + "']");
  }

  private String nodeState(String name) {
    return node(name).getAttribute("data-state");
  }

  private String fill(String name) {
    return (String)
        browser.driver.executeScript(
            "return getComputedStyle(arguments[0].querySelector('rect')).fill", node(name));
  }

  /** Records every state each node passes through, as the page marks it. */
  private void recordStates() {
    browser.driver.executeScript(
        "window.__states = {};"
            + "new MutationObserver(ms => ms.forEach(m => {"
            + "  const n = m.target.getAttribute('data-resource');"
            + "  (window.__states[n] = window.__states[n] || []).push(m.target.getAttribute('data-state'));"
            + "})).observe(document.getElementById('graph'),"
            + "  {subtree: true, attributes: true, attributeFilter: ['data-state']});");
  }

  @SuppressWarnings("unchecked")
  private Map<String, List<String>> recordedStates() {
    return (Map<String, List<String>>) browser.driver.executeScript("return window.__states;");
  }

  private void confirm(boolean yes) {
    browser.waitFor(d -> $("#confirm").isDisplayed());
    $(yes ? "#confirm-yes" : "#confirm-no").click();
    browser.waitFor(d -> !$("#confirm").isDisplayed());
  }

  /** Apply... on the page, confirmed; waits for the run's end and returns its status word. */
  private String applyOnPage() {
    $("#apply-button").click();
    confirm(true);
    return browser.waitFor(d -> $("#run-status").getAttribute("data-result"));
  }

  private Plan applyWithEngine(String yaml, String file) {
    Deployment d = backend.load(Deployments.write(dir, file, yaml));
    try (UiBackend.Bench bench = backend.forDeployment(d)) {
      var applied =
          bench
              .engine()
              .planAndApply(
                  d,
                  ExecutionOptions.DEFAULTS,
                  p -> true,
                  ProgressListener.NONE,
                  new Cancellation());
      assertThat(applied.result().success()).as("setup apply of " + file).isTrue();
      return applied.plan();
    }
  }

  private Plan planWithEngine(Path file) {
    Deployment d = backend.load(file);
    try (UiBackend.Bench bench = backend.forDeployment(d)) {
      return bench.engine().plan(d);
    }
  }

  private void faults(String json) {
    backend.firewall.faults().configure(Json.parse(json));
  }

  // ---- scenarios

  @Test
  void thePageNeedsItsTokenAndPassesTheMcpOriginAndHostChecks() throws Exception {
    String base = "http://127.0.0.1:" + server.url().getPort();
    browser.driver.get(base + "/");
    assertThat($("body").getText()).contains("Missing bearer token");
    browser.driver.get(base + "/?token=not-the-token");
    assertThat($("body").getText()).contains("Invalid bearer token");
    browser.driver.get(base + "/app.js");
    assertThat($("body").getText()).contains("Missing bearer token");
    assertThat(browser.driver.getTitle()).isNotEqualTo("mcp-iac");

    open("#deployments");
    assertThat(browser.driver.getTitle()).isEqualTo("mcp-iac");
    browser.waitFor(d -> $("#no-deployments").isDisplayed());
    browser.screenshot("01-deployments-empty");

    String token = server.url().getQuery().substring("token=".length());
    var http = java.net.http.HttpClient.newHttpClient();
    var evilOrigin =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/deployments"))
                .header("Authorization", "Bearer " + token)
                .header("Origin", "http://evil.example")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(evilOrigin.statusCode()).isEqualTo(403);
    var sameOrigin =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/deployments"))
                .header("Authorization", "Bearer " + token)
                .header("Origin", base)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(sameOrigin.statusCode()).isEqualTo(200);
    // a rebinding attack's Host (the client cannot set Host: a raw request)
    try (var socket = new java.net.Socket("127.0.0.1", server.url().getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET /?token="
                      + token
                      + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 421").contains("Invalid Host header");
    }
  }

  @Test
  void aPlanIsDrawnByStageWithEachNodeColouredByItsActionAndItsDiffOnClick() {
    applyWithEngine(Deployments.V1, "v1.yaml");
    // drift: the VLAN's description changed on the firewall by hand
    String vlan = firewall.rows(FirewallApi.VLANS).get(0).path("uuid").asText();
    firewall.post(
        "/api/interfaces/vlan_settings/setItem/" + vlan,
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Json.parse("{\"vlan\":{\"descr\":\"changed by hand\"}}"));
    Path v2 = Deployments.write(dir, "v2.yaml", Deployments.V2);

    planFile(v2);

    assertThat($("#plan-summary").getText()).isEqualTo(planWithEngine(v2).summary());
    assertThat(node("web_ports").getAttribute("class")).contains("create");
    assertThat(node("web_servers").getAttribute("class")).contains("update");
    assertThat(node("lan-dhcp").getAttribute("class")).contains("replace");
    assertThat(node("portal-dns").getAttribute("class")).contains("delete");
    assertThat(node("allow-https").getAttribute("class")).contains("noop");
    assertThat(node("app-network").getAttribute("class")).contains("drift");
    // the colours a user sees: the terminal plan's and `mcp-iac graph`'s
    assertThat(fill("web_ports")).isEqualTo("rgb(217, 242, 217)");
    assertThat(fill("web_servers")).isEqualTo("rgb(255, 242, 204)");
    assertThat(fill("lan-dhcp")).isEqualTo("rgb(234, 220, 248)");
    assertThat(fill("portal-dns")).isEqualTo("rgb(248, 215, 218)");
    assertThat(fill("allow-https")).isEqualTo("rgb(242, 242, 242)");
    // by stage: the rule waits for the VLAN and the alias, so it is drawn in a later row
    double vlanY =
        Double.parseDouble(node("app-network").findElement(By.tagName("rect")).getAttribute("y"));
    double ruleY =
        Double.parseDouble(node("allow-https").findElement(By.tagName("rect")).getAttribute("y"));
    assertThat(ruleY).isGreaterThan(vlanY);
    assertThat(all("#graph path.edge[data-from='app-network'][data-to='allow-https']")).hasSize(1);
    assertThat($("#plan-digest").getText()).matches("[0-9a-f]{64}");

    node("web_servers").click();
    browser.waitFor(d -> $("#node-diff").isDisplayed());
    assertThat($("#node-diff").getText())
        .contains("update opnsense:firewall:alias web_servers")
        .contains("content")
        .contains("10.150.0.11");

    // keyboard: Tab from the file field reaches the graph's nodes; Enter opens a node's diff
    $("#plan-file").click();
    WebElement focused = null;
    for (int i = 0; i < 40; i++) {
      browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
      focused = browser.driver.switchTo().activeElement();
      if ("portal-dns".equals(focused.getAttribute("data-resource"))) {
        break;
      }
    }
    assertThat(focused.getAttribute("data-resource")).isEqualTo("portal-dns");
    focused.sendKeys(Keys.ENTER);
    browser.waitFor(
        d -> $("#node-diff").getText().contains("delete opnsense:service:dns:override portal-dns"));
    browser.screenshot("02-plan-graph");

    // nothing was changed by planning
    assertThat(firewall.column(FirewallApi.HOST_OVERRIDES, "hostname")).containsExactly("portal");
  }

  @Test
  void anAdvisoryPolicyViolationMarksItsNodeAndAMandatoryOneIsRefusedWithItsLine() {
    String policy =
        """
          policies:
            - metadata: {name: web-rules}
              spec:
                enforcement: %s
                match: {types: ["opnsense:firewall:rule"]}
                rules:
                  - id: rules-log
                    condition: "has(resource.properties.log) && resource.properties.log == true"
                    message: rules must log
        """;
    String advisory = Deployments.V1.replace("spec:\n", "spec:\n" + policy.formatted("advisory"));
    planFile(Deployments.write(dir, "advisory.yaml", advisory));
    assertThat(node("allow-https").getAttribute("class")).contains("create", "policy-violation");
    assertThat(node("app-network").getAttribute("class")).doesNotContain("policy-violation");
    assertThat($("#plan-warnings").getText()).contains("rules must log");
    node("allow-https").click();
    browser.waitFor(d -> $("#node-diff").getText().contains("policy: properties.log"));
    browser.screenshot("02b-policy-violation");

    String mandatory = Deployments.V1.replace("spec:\n", "spec:\n" + policy.formatted("mandatory"));
    planFile(Deployments.write(dir, "mandatory.yaml", mandatory));
    assertThat($("#plan-error").isDisplayed()).isTrue();
    assertThat($("#plan-error").getText())
        .contains("mandatory.yaml:")
        .contains("allow-https")
        .contains("rules must log");
    assertThat(firewall.rows(FirewallApi.RULES)).isEmpty();
  }

  @Test
  void aFileWithAMistakeIsReportedWithFileLineResourceAndProperty() {
    Path broken = Deployments.write(dir, "broken.yaml", Deployments.BROKEN);
    planFile(broken);
    assertThat($("#plan-error").isDisplayed()).isTrue();
    assertThat($("#plan-error").getText())
        .contains("broken.yaml:")
        .contains("app-network")
        .contains("tag");
    assertThat(firewall.rows(FirewallApi.VLANS)).isEmpty();
  }

  @Test
  void anApplyIsFollowedLiveUntilEveryNodeReachesItsFinalState() {
    faults("{\"latencyMs\": 60}");
    planFile(Deployments.write(dir, "v1.yaml", Deployments.V1));
    recordStates();

    assertThat(applyOnPage()).isEqualTo("succeeded");

    List<String> names =
        List.of("app-network", "web_servers", "allow-https", "portal-dns", "lan-dhcp");
    for (String name : names) {
      assertThat(nodeState(name)).as(name).isEqualTo("complete");
      assertThat(recordedStates().get(name))
          .as(name + " as events arrived")
          .containsExactly("running", "complete");
    }
    assertThat($("#log").getText())
        .contains("Apply started: 5 change(s)")
        .contains("complete create allow-https");
    browser.screenshot("03-apply-live");
    assertThat(firewall.column(FirewallApi.VLANS, "tag")).containsExactly("150");
    assertThat(firewall.column(FirewallApi.HOST_OVERRIDES, "hostname")).containsExactly("portal");

    // the run can be watched from the runs list, from its first event
    open("#deployments");
    browser.waitFor(d -> all("#deployments tbody tr").size() == 1);
    WebElement row = $("#deployments tbody tr");
    assertThat(row.getText()).contains("portal").contains("5");
    browser.screenshot("04-deployments");
    browser.waitFor(d -> all("#runs tbody tr").size() == 1);
    $("#runs tbody tr button").click();
    browser.waitFor(d -> "succeeded".equals($("#run-status").getAttribute("data-result")));
    for (String name : names) {
      assertThat(nodeState(name)).as(name + " watched").isEqualTo("complete");
    }
    // no external request: everything the page loaded or called came from the UI server
    String base = "http://127.0.0.1:" + server.url().getPort() + "/";
    assertThat(browser.requests()).isNotEmpty().allMatch(u -> u.startsWith(base), "from " + base);
  }

  @Test
  void anApplyStartedElsewhereIsFollowedLiveThroughTheStateJournal() throws Exception {
    applyWithEngine(Deployments.V1, "v1.yaml");
    open("#deployments");
    browser.waitFor(d -> all("#deployments tbody tr").size() == 1);
    browser
        .driver
        .findElement(By.xpath("//table[@id='deployments']//button[text()='Watch live']"))
        .click();
    browser.waitFor(d -> $("#run-status").getText().equals("Waiting for an apply…"));
    recordStates();

    // another engine with its own connection to the state file: as another mcp-iac process
    faults("{\"latencyMs\": 100}");
    var elsewhere =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> applyWithEngine(Deployments.V2, "v2.yaml"));

    String result = browser.waitFor(d -> $("#run-status").getAttribute("data-result"));
    elsewhere.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(result).isEqualTo("succeeded");
    assertThat(node("web_ports").getAttribute("class")).contains("create");
    assertThat(node("web_servers").getAttribute("class")).contains("update");
    assertThat(node("lan-dhcp").getAttribute("class")).contains("replace");
    assertThat(node("portal-dns").getAttribute("class")).contains("delete");
    for (String name : List.of("web_ports", "web_servers", "lan-dhcp", "portal-dns")) {
      assertThat(nodeState(name)).as(name).isEqualTo("complete");
      assertThat(recordedStates().get(name))
          .as(name + " as it ran")
          .contains("running", "complete");
    }
    assertThat($("#log").getText()).contains("An apply started elsewhere by");
    browser.screenshot("09-watch-elsewhere");
  }

  @Test
  void anInjectedFailureShowsTheRollbackOnTheGraph() {
    // the DNS override is the last change; its write fails on the firewall
    faults(
        "{\"failPaths\": [\"/api/unbound/settings/setHostOverride\", \"/api/unbound/settings/addHostOverride\"]}");
    planFile(Deployments.write(dir, "v1.yaml", Deployments.V1_DNS_LAST));
    recordStates();

    assertThat(applyOnPage()).isNotEqualTo("succeeded");

    assertThat(nodeState("portal-dns")).isEqualTo("failed");
    for (String name : List.of("app-network", "web_servers", "allow-https")) {
      assertThat(nodeState(name)).as(name).isEqualTo("rolled-back");
      assertThat(recordedStates().get(name))
          .as(name)
          .containsSubsequence("running", "complete", "rolled-back");
    }
    assertThat($("#graph").getAttribute("class")).contains("rolling-back");
    assertThat($("#log").getText()).contains("Rolling back").contains("failed");
    browser.screenshot("05-rollback");
    assertThat(firewall.rows(FirewallApi.VLANS)).isEmpty();
    assertThat(firewall.rows(FirewallApi.ALIASES)).isEmpty();
    assertThat(firewall.rows(FirewallApi.HOST_OVERRIDES)).isEmpty();
  }

  @Test
  void withoutRollbackOnFailureWhatWasCreatedStays() {
    faults(
        "{\"failPaths\": [\"/api/unbound/settings/setHostOverride\","
            + " \"/api/unbound/settings/addHostOverride\"]}");
    planFile(Deployments.write(dir, "v1.yaml", Deployments.V1_DNS_LAST));
    $("#opt-rollback").click(); // the CLI's --no-rollback

    assertThat(applyOnPage()).isEqualTo("failed");

    assertThat(nodeState("portal-dns")).isEqualTo("failed");
    assertThat(nodeState("allow-https")).isEqualTo("complete");
    assertThat(all("#graph g.node[data-state='rolled-back']")).isEmpty();
    assertThat(firewall.column(FirewallApi.VLANS, "tag")).containsExactly("150");
  }

  @Test
  void aSecretNeverReachesThePage() throws Exception {
    String secret = "Sup3r-Secret-Passw0rd-4711";
    java.nio.file.Files.writeString(dir.resolve("password.txt"), secret);
    Path file =
        Deployments.write(
            dir,
            "user.yaml",
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: people}
            spec:
              resources:
                - type: opnsense:security:user
                  name: alice
                  properties: {password: "${secret.file:password.txt}", description: Alice}
            """);
    planFile(file);
    node("alice").click();
    browser.waitFor(d -> $("#node-diff").isDisplayed());
    assertThat(applyOnPage()).isEqualTo("succeeded");
    String token = server.url().getQuery().substring("token=".length());
    String base = "http://127.0.0.1:" + server.url().getPort();
    var http = java.net.http.HttpClient.newHttpClient();
    StringBuilder everything = new StringBuilder(browser.driver.getPageSource());
    for (String api :
        List.of("/api/runs/run-1", "/api/deployments/people/history", "/api/runs/run-1/events")) {
      everything.append(
          http.send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + api))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body());
    }
    assertThat(everything).contains("alice").doesNotContain(secret);
  }

  @Test
  void cancelStopsTheApplyAndRollsBack() {
    faults("{\"latencyMs\": 400}");
    planFile(Deployments.write(dir, "v1.yaml", Deployments.V1_DNS_LAST));
    $("#apply-button").click();
    confirm(true);
    browser.waitFor(d -> all("#graph g.node[data-state='complete']").size() >= 1);
    $("#cancel-button").click();

    String result = browser.waitFor(d -> $("#run-status").getAttribute("data-result"));
    assertThat(result).isEqualTo("cancelled");
    assertThat(all("#graph g.node[data-state='rolled-back']")).isNotEmpty();
    assertThat(all("#graph g.node[data-state='complete']")).isEmpty();
    faults("{}");
    assertThat(firewall.rows(FirewallApi.VLANS)).isEmpty();
    assertThat(firewall.rows(FirewallApi.HOST_OVERRIDES)).isEmpty();
  }

  @Test
  void stateHistoryShowsVersionsTheirDiffAndRollsBackAfterConfirmation() {
    applyWithEngine(Deployments.V1, "v1.yaml");
    applyWithEngine(Deployments.V2, "v2.yaml");
    long before;
    try (StateStore store = backend.openStore()) {
      before = store.version("portal");
    }

    open("#history/portal");
    browser.waitFor(d -> all("#history tbody tr").size() == before);
    assertThat($("#history tbody tr").getText())
        .contains("(current)")
        .as("who wrote it: the lock's holder (user, pid@host) and its operation")
        .contains(System.getProperty("user.name") + " (" + ProcessHandle.current().pid() + "@")
        .contains(": apply");
    $("#diff-button").click();
    browser.waitFor(d -> $("#diff").isDisplayed());
    assertThat($("#diff tr[data-resource='web_ports']").getAttribute("data-kind"))
        .isEqualTo("added");
    assertThat($("#diff tr[data-resource='portal-dns']").getAttribute("data-kind"))
        .isEqualTo("removed");
    assertThat($("#diff tr[data-resource='web_servers']").getAttribute("data-kind"))
        .isEqualTo("changed");
    assertThat($("#diff").getText()).contains("10.150.0.11");
    browser.screenshot("06-history-diff");

    WebElement oldest = $("#history tbody tr[data-version='1'] button");
    oldest.click();
    confirm(false); // No: nothing changes
    try (StateStore store = backend.openStore()) {
      assertThat(store.version("portal")).isEqualTo(before);
    }
    $("#history tbody tr[data-version='1'] button").click();
    confirm(true);
    browser.waitFor(d -> all("#history tbody tr").size() == before + 1);
    try (StateStore store = backend.openStore()) {
      assertThat(store.version("portal")).isEqualTo(before + 1);
      assertThat(store.load("portal").orElseThrow().resources())
          .containsKey("portal-dns")
          .doesNotContainKey("web_ports");
    }
  }

  @Test
  void aCheckpointIsRestoredWithTheRestorePlanShownFirst() {
    applyWithEngine(Deployments.V1, "v1.yaml");
    open("#checkpoints/portal");
    $("#checkpoint-description").sendKeys("before v2");
    $("#checkpoint-create").click();
    browser.waitFor(d -> all("#checkpoints tbody tr").size() == 1);
    assertThat($("#checkpoints tbody tr").getText()).contains("before v2");
    browser.screenshot("07-checkpoints");
    applyWithEngine(Deployments.V2, "v2.yaml");

    $("#checkpoints tbody tr button").click();
    browser.waitFor(d -> $("#plan-result").isDisplayed());
    assertThat($("#plan-origin").getText()).contains("checkpoint");
    assertThat(node("portal-dns").getAttribute("class")).contains("create");
    assertThat(node("web_ports").getAttribute("class")).contains("delete");
    assertThat(node("web_servers").getAttribute("class")).contains("update");
    browser.screenshot("08-checkpoint-restore-plan");
    // shown, not applied
    assertThat(firewall.rows(FirewallApi.HOST_OVERRIDES)).isEmpty();

    // applied with the keyboard alone: Enter on Apply..., the dialog opens on "No", Shift+Tab,
    // Enter
    $("#apply-button").sendKeys(Keys.ENTER);
    browser.waitFor(d -> $("#confirm").isDisplayed());
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
        .isEqualTo("confirm-no");
    browser.driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
        .isEqualTo("confirm-yes");
    browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    String result = browser.waitFor(d -> $("#run-status").getAttribute("data-result"));
    assertThat(result).isEqualTo("succeeded");
    assertThat(firewall.column(FirewallApi.HOST_OVERRIDES, "hostname")).containsExactly("portal");
    assertThat(firewall.column(FirewallApi.ALIASES, "name")).containsExactly("web_servers");
  }
}
