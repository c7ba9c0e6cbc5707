package io.mcpiac.cli.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.DeploymentState;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator without Docker, every part a real process: {@code mcp-iac apply --servers}, an
 * {@code app} server over stdio (core types) and a {@code firewall} server over HTTP against the
 * OPNsense emulator. One graph across both servers, outputs flowing from one to the other, and
 * rollback across servers when one of them fails or dies.
 */
class OrchestratorTest extends OrchestratedParts {
  static String deployment(String appIp, String extra) {
    return web(
        """
            - type: core:data
              name: app-1
              properties: {input: "%s"}
            - type: opnsense:service:haproxy:server
              name: web-1
              properties:
                address: "${core:data:app-1.output}"
                port: 8080
            - type: opnsense:service:haproxy:backend
              name: app-backend
              properties:
                mode: http
                servers: ["${web-1.uuid}"]
        %s"""
            .formatted(appIp, extra));
  }

  @Test
  void outputsOfOneServerFlowIntoTheOtherAndASecondPlanIsEmpty() throws Exception {
    Path file = parts.file("web.yaml", deployment("10.9.0.5", ""));
    Processes.Run applied = parts.orchestrate("apply", "-f", file.toString(), "--yes", "--json");
    assertThat(applied.exit()).as(applied.toString()).isZero();
    assertThat(applied.json().path("success").asBoolean()).isTrue();

    Map<String, JsonNode> servers = parts.haproxy("Servers");
    assertThat(servers).containsOnlyKeys("web-1");
    assertThat(servers.get("web-1").path("address").asText()).isEqualTo("10.9.0.5");
    JsonNode backend = parts.haproxy("Backends").get("app-backend");
    assertThat(backend.path("linkedServers").toString())
        .contains(servers.get("web-1").path("uuid").asText());

    // each server keeps its own part; the orchestrator keeps the whole graph and the outputs
    assertThat(parts.serverState("app.db").resources()).containsOnlyKeys("app-1");
    assertThat(parts.serverState("fw.db").resources()).containsOnlyKeys("web-1", "app-backend");
    DeploymentState mine = parts.orchestratorState("web");
    assertThat(mine.resources()).containsOnlyKeys("app-1", "web-1", "app-backend");
    assertThat(mine.resources().get("web-1").dependencies()).contains("app-1");
    assertThat(mine.resources().get("web-1").outputs().path("uuid").asText())
        .isEqualTo(servers.get("web-1").path("uuid").asText());

    Processes.Run plan = parts.orchestrate("plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.toString()).isZero();

    // a new value on one server reaches its dependent on the other
    Path moved = parts.file("web.yaml", deployment("10.9.0.6", ""));
    Processes.Run again = parts.orchestrate("apply", "-f", moved.toString(), "--yes", "--json");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(parts.haproxy("Servers").get("web-1").path("address").asText())
        .isEqualTo("10.9.0.6");
  }

  @Test
  void aFailureOnOneServerRollsTheOtherServerBack() throws Exception {
    Path file = parts.file("web.yaml", deployment("10.9.0.5", ""));
    assertThat(parts.orchestrate("apply", "-f", file.toString(), "--yes").exit()).isZero();
    JsonNode before = parts.haproxy("Servers").get("web-1");

    // the firewall changes first (an update and a create), then the app server fails
    Path failing =
        parts.file(
            "failing.yaml",
            deployment(
                "10.9.0.7",
                """
                    - type: opnsense:service:haproxy:server
                      name: web-2
                      properties: {address: 10.9.0.8, port: 8080}
                    - type: core:data
                      name: boom
                      properties: {input: x, failOnCreate: true}
                      dependsOn: [web-1, web-2]
                """));
    Processes.Run run = parts.orchestrate("apply", "-f", failing.toString(), "--yes", "--json");
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    JsonNode result = run.json();
    assertThat(result.path("success").asBoolean()).isFalse();
    assertThat(result.path("rolledBack").asBoolean()).isTrue();
    assertThat(result.path("error").asText()).contains("boom").contains("server 'app'");
    for (JsonNode undo : result.path("rollback")) {
      assertThat(undo.path("success").asBoolean()).as(undo.toString()).isTrue();
    }
    // per server, what rolling it back to its snapshots undid
    Map<String, String> undoneByServer = new java.util.TreeMap<>();
    for (JsonNode r : result.path("serverRollbacks")) {
      assertThat(r.path("success").asBoolean()).as(r.toString()).isTrue();
      undoneByServer.merge(r.path("server").asText(), r.path("undone").toString(), String::concat);
    }
    assertThat(undoneByServer).containsOnlyKeys("app", "firewall");
    assertThat(undoneByServer.get("firewall")).contains("delete web-2").contains("update web-1");
    assertThat(undoneByServer.get("app")).contains("update app-1");

    // the real firewall is as before, and so is the app server's part
    Map<String, JsonNode> servers = parts.haproxy("Servers");
    assertThat(servers).containsOnlyKeys("web-1");
    assertThat(servers.get("web-1").path("address").asText()).isEqualTo("10.9.0.5");
    assertThat(servers.get("web-1").path("uuid").asText()).isEqualTo(before.path("uuid").asText());
    assertThat(
            parts
                .serverState("app.db")
                .resources()
                .get("app-1")
                .properties()
                .path("input")
                .asText())
        .isEqualTo("10.9.0.5");
    assertThat(parts.serverState("app.db").resources()).doesNotContainKey("boom");
    assertThat(parts.orchestratorState("web").resources())
        .containsOnlyKeys("app-1", "web-1", "app-backend");

    // nothing is left to do for the old configuration
    Processes.Run plan = parts.orchestrate("plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.toString()).isZero();
  }

  /**
   * destroy reports like apply: the firewall server deletes its part first (web-1 depends on
   * app-1), the app server then fails, and the lines saying what each server's rollback undid are
   * printed, as text and as JSON.
   */
  @Test
  void aDestroyThatFailsShowsWhatEachServerRolledBack() throws Exception {
    Path file =
        parts.file(
            "web.yaml",
            deployment("10.9.0.5", "")
                .replace(
                    "properties: {input: \"10.9.0.5\"}",
                    "properties: {input: \"10.9.0.5\", failOnDelete: true}"));
    Processes.Run applied = parts.orchestrate("apply", "-f", file.toString(), "--yes");
    assertThat(applied.exit()).as(applied.toString()).isZero();
    String uuid = parts.haproxy("Servers").get("web-1").path("uuid").asText();

    Processes.Run destroy = parts.orchestrate("destroy", "web", "--yes");
    assertThat(destroy.exit()).as(destroy.toString()).isEqualTo(1);
    assertThat(destroy.stdout())
        .as(destroy.toString())
        .contains("server 'firewall' rolled back to")
        .contains("create web-1");
    // the firewall has its server again
    assertThat(parts.haproxy("Servers")).containsOnlyKeys("web-1");

    Processes.Run json = parts.orchestrate("destroy", "web", "--yes", "--json");
    assertThat(json.exit()).as(json.toString()).isEqualTo(1);
    assertThat(json.json().path("serverRollbacks").toString())
        .as(json.toString())
        .contains("firewall");
    assertThat(uuid).isNotEmpty();
  }

  @Test
  void aServerKilledDuringTheApplyGivesAClearErrorTheOthersRollBackAndALaterApplyConverges()
      throws Exception {
    Path file = parts.file("web.yaml", deployment("10.9.0.5", ""));
    // the firewall's reconfigure hangs, so the server is surely in the middle of its apply
    parts.emulator.faults().configure(Json.parse("{\"applyLatencyMs\": 60000}"));
    Process orchestrator = parts.startOrchestrate("apply", "-f", file.toString(), "--yes");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!parts.emulator.calls().toJson().toString().contains("reconfigure")) {
      assertThat(System.nanoTime()).as("the firewall never reconfigured").isLessThan(deadline);
      assertThat(orchestrator.isAlive()).as("the apply ended early").isTrue();
      Thread.sleep(20);
    }
    parts.firewall.destroyForcibly();
    parts.firewall.waitFor();
    parts.emulator.faults().reset();

    Processes.Run run = Processes.finish(dir, orchestrator);
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.stdout()).contains("server 'firewall'").contains("web-1");
    // the app server's completed part was rolled back
    assertThat(parts.serverState("app.db").resources()).isEmpty();

    parts.startFirewall();
    Processes.Run again = parts.orchestrate("apply", "-f", file.toString(), "--yes", "--json");
    assertThat(again.exit()).as(again.toString()).isZero();
    Map<String, JsonNode> servers = parts.haproxy("Servers");
    assertThat(servers).containsOnlyKeys("web-1");
    assertThat(servers.get("web-1").path("address").asText()).isEqualTo("10.9.0.5");
    assertThat(parts.haproxy("Backends")).containsOnlyKeys("app-backend");
    Processes.Run plan = parts.orchestrate("plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.toString()).isZero();
  }

  @Test
  void aStdioServerKilledDuringTheApplyIsStartedAgainAndTheOtherServerRollsBack() throws Exception {
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: slow}
        spec:
          resources:
            - type: opnsense:service:haproxy:server
              name: web-1
              properties: {address: 10.9.0.5, port: 8080}
            - type: core:data
              name: app-1
              properties: {input: "${web-1.uuid}"%s}
        """;
    // long enough for the kill to land inside it; the next run's journal recovery re-runs the
    // journalled change, delay included, so not longer than needed
    Path slow = parts.file("slow.yaml", yaml.formatted(", delayMs: 15000"));
    Process orchestrator = parts.startOrchestrate("apply", "-f", slow.toString(), "--yes");
    // the app server is the orchestrator's only child process (the firewall server is the test's);
    // wait until it journals its change, then kill it
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!appServerIsApplying()) {
      assertThat(System.nanoTime())
          .as("the app server never started its apply")
          .isLessThan(deadline);
      assertThat(orchestrator.isAlive()).as("the apply ended early").isTrue();
      Thread.sleep(20);
    }
    ProcessHandle app = orchestrator.children().findFirst().orElseThrow();
    app.destroyForcibly();

    Processes.Run run = Processes.finish(dir, orchestrator);
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.stdout()).contains("server 'app'").contains("app-1");
    // the firewall's completed part was rolled back
    assertThat(parts.haproxy("Servers")).isEmpty();

    // the next run starts the app server again; its own journal recovery finishes the rest
    Path quick = parts.file("quick.yaml", yaml.formatted(""));
    Processes.Run again = parts.orchestrate("apply", "-f", quick.toString(), "--yes", "--json");
    assertThat(again.exit()).as(again.toString()).isZero();
    String uuid = parts.haproxy("Servers").get("web-1").path("uuid").asText();
    assertThat(
            parts.serverState("app.db").resources().get("app-1").outputs().path("output").asText())
        .isEqualTo(uuid);
  }

  private boolean appServerIsApplying() {
    Path db = dir.resolve("app.db");
    if (!java.nio.file.Files.exists(db)) {
      return false;
    }
    try (io.mcpiac.engine.states.StateStore s =
        io.mcpiac.engine.states.StateStores.open("sqlite:" + db)) {
      return !s.unfinished(FirewallAndAppServers.SUB).isEmpty();
    } catch (RuntimeException notYet) {
      return false;
    }
  }
}
