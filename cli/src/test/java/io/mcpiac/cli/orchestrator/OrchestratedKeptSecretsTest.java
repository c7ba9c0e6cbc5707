package io.mcpiac.cli.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.opnsense.emulator.api.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A server answers secret properties masked, and the orchestrator sends it its whole part with
 * every batch. A resource with a secret that a run leaves alone is restated with the secret the
 * run's own configuration gives (a sensitive variable here, as the customer-portal example's
 * database password), so editing another resource of the same server works; the secret-holding
 * object is not written on the firewall, and no state holds the secret in clear.
 */
class OrchestratedKeptSecretsTest extends OrchestratedParts {
  static final String PASSWORD = "Kept-0riginal-passw0rd";

  /**
   * Deployment {@code name}: user {@code ops}, password from the sensitive variable {@code pw}, and
   * the HAProxy server {@code web-1} on {@code port}.
   */
  static String deployment(String name, int port) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          variables:
            pw: {type: string, sensitive: true}
          resources:
            - type: opnsense:security:user
              name: ops
              properties: {password: "${var.pw}", description: operator}
            - type: opnsense:service:haproxy:server
              name: web-1
              properties: {address: 10.9.0.7, port: %d}
        """
        .formatted(name, port);
  }

  private Processes.Run apply(int port, String password) throws Exception {
    return parts.orchestrate(
        Map.of("MCP_IAC_VAR_pw", password),
        "apply",
        "-f",
        parts.file("web.yaml", deployment("web", port)).toString(),
        "--yes");
  }

  /** The firewall's write calls to its users since the last reset. */
  private List<String> userWrites() {
    List<String> out = new java.util.ArrayList<>();
    parts
        .emulator
        .calls()
        .toJson()
        .path("calls")
        .fieldNames()
        .forEachRemaining(
            k -> {
              // a search is a POST too, and reads
              if (k.startsWith("POST /api/auth/user/") && !k.contains("/search")) {
                out.add(k);
              }
            });
    return out;
  }

  /** Every file of the orchestrator's and the servers' state (with SQLite's journal files). */
  private List<Path> stateFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("(orch|fw|app)\\.db.*")).toList();
    }
  }

  private void assertNoClearText(String secret, Processes.Run... runs) throws Exception {
    List<Path> files = stateFiles();
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
          .as(f.toString())
          .doesNotContain(secret);
    }
    for (Processes.Run r : runs) {
      assertThat(r.stdout() + r.stderr()).doesNotContain(secret);
    }
  }

  @Test
  void editingAnotherResourceOfTheServerLeavesItsUntouchedSecretAsItIs() throws Exception {
    Processes.Run first = apply(8080, PASSWORD);
    assertThat(first.exit()).as(first.toString()).isZero();
    JsonNode ops = parts.user("ops");
    assertThat(ops.path("password").asText()).isEqualTo(ApiKeys.hash(PASSWORD));
    parts.emulator.calls().reset();

    Processes.Run edit = apply(8081, PASSWORD);

    assertThat(edit.exit()).as(edit.toString()).isZero();
    assertThat(parts.haproxy("Servers").get("web-1").path("port").asText()).isEqualTo("8081");
    // the user is not written at all: same hash, same change time, no call to its endpoints
    assertThat(parts.user("ops")).isEqualTo(ops);
    assertThat(userWrites()).isEmpty();
    Processes.Run again =
        parts.orchestrate(
            Map.of("MCP_IAC_VAR_pw", PASSWORD),
            "plan",
            "-f",
            dir.resolve("web.yaml").toString(),
            "--detailed-exitcode");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertNoClearText(PASSWORD, first, edit, again);
  }

  @Test
  void aChangedSecretIsStillSentAndApplied() throws Exception {
    assertThat(apply(8080, PASSWORD).exit()).isZero();
    String changed = "Changed-n3w-passw0rd";

    Processes.Run run = apply(8080, changed);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(parts.user("ops").path("password").asText()).isEqualTo(ApiKeys.hash(changed));
    assertNoClearText(changed, run);
  }

  /** Deployment {@code other}, on the same server part as {@code web}: HAProxy server NAME. */
  private Processes.Run applyOther(String name) throws Exception {
    return parts.orchestrate(
        "apply",
        "-f",
        parts
            .file(
                "other.yaml",
                """
                apiVersion: iac.mcp/v1
                kind: Deployment
                metadata: {name: other}
                spec:
                  resources:
                    - type: opnsense:service:haproxy:server
                      name: %s
                      properties: {address: 10.9.0.8, port: 8080}
                """
                    .formatted(name))
            .toString(),
        "--yes");
  }

  /**
   * Another orchestrated deployment on the same server part does not know {@code ops}'s password:
   * its batch restates that user without it and asks the server to keep what it holds. The server
   * plans nothing for the user, so the batch goes through and the user is not written.
   */
  @Test
  void aSecretTheRunDoesNotKnowIsKeptByTheServer() throws Exception {
    assertThat(apply(8080, PASSWORD).exit()).isZero();
    JsonNode ops = parts.user("ops");
    parts.emulator.calls().reset();

    Processes.Run other = applyOther("web-2");

    assertThat(other.exit()).as(other.toString()).isZero();
    assertThat(parts.haproxy("Servers")).containsOnlyKeys("web-1", "web-2");
    assertThat(parts.user("ops")).isEqualTo(ops);
    assertThat(userWrites()).isEmpty();
    assertNoClearText(PASSWORD, other);
  }

  /**
   * The same, when the server would have to write the user (it was deleted on the firewall behind
   * the tool's back, so the server's plan re-creates it): that needs the password, which the run
   * does not have, so the server refuses the batch, naming the user and the property, and nothing
   * changes.
   */
  @Test
  void aSecretTheRunDoesNotKnowRefusesTheBatchWhenTheServerWouldNeedIt() throws Exception {
    assertThat(apply(8080, PASSWORD).exit()).isZero();
    String uuid = null;
    for (JsonNode row : parts.emulatorApi("POST", "/api/auth/user/search", "{}").path("rows")) {
      if (row.path("name").asText().equals("ops")) {
        uuid = row.path("uuid").asText();
      }
    }
    assertThat(uuid).isNotBlank();
    parts.emulatorApi("POST", "/api/auth/user/del/" + uuid, "{}");
    assertThat(parts.user("ops")).isNull();
    parts.emulator.calls().reset();

    Processes.Run other = applyOther("web-2");

    assertThat(other.exit()).as(other.toString()).isEqualTo(1);
    assertThat(other.stdout() + other.stderr())
        .contains("'ops'")
        .contains("'password'")
        .doesNotContain(PASSWORD);
    assertThat(parts.haproxy("Servers")).containsOnlyKeys("web-1");
    assertThat(parts.user("ops")).isNull();
    assertThat(userWrites()).isEmpty();
  }

  /** The same over a provider server the orchestrator starts over stdio. */
  @Test
  void overAStdioServerToo() throws Exception {
    Path servers =
        parts.file(
            "servers-stdio.yaml",
            "servers:\n  - name: firewall\n    prefixes: [\"opnsense:\"]\n    command: "
                + Processes.yamlCommand(
                    List.of(
                        "serve",
                        "--provider",
                        "opnsense",
                        "--state",
                        "sqlite:" + dir.resolve("fw.db")))
                + "\n    env: {OPNSENSE_URL: \""
                + parts.emulator.url()
                + "\", OPNSENSE_API_KEY: key, OPNSENSE_API_SECRET: secret}\n");
    Path file = parts.file("web.yaml", deployment("web", 8080));
    List<String> args =
        List.of(
            "apply",
            "-f",
            file.toString(),
            "--yes",
            "--servers",
            servers.toString(),
            "--state",
            "sqlite:" + dir.resolve("orch.db"));
    Map<String, String> env = Map.of("MCP_IAC_VAR_pw", PASSWORD);
    Processes.Run first = Processes.run(dir, args, env);
    assertThat(first.exit()).as(first.toString()).isZero();
    JsonNode ops = parts.user("ops");
    parts.emulator.calls().reset();
    Files.writeString(file, deployment("web", 8082));

    Processes.Run edit = Processes.run(dir, args, env);

    assertThat(edit.exit()).as(edit.toString()).isZero();
    assertThat(parts.haproxy("Servers").get("web-1").path("port").asText()).isEqualTo("8082");
    assertThat(parts.user("ops")).isEqualTo(ops);
    assertThat(userWrites()).isEmpty();
    assertNoClearText(PASSWORD, first, edit);
  }
}
