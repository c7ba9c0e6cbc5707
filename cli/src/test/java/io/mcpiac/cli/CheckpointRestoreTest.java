package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.cli.demo.Sandbox;
import io.mcpiac.engine.json.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, item 7, as found: after a destroy, {@code checkpoint restore} without {@code -f} said
 * "no provider instance 'opnsense' is configured" although the environment was set; with {@code -f}
 * the checkpoint held the UUIDs of objects that no longer existed, the creates failed and the
 * restore rolled back. Now it re-creates everything in dependency order, new ids flowing through.
 */
class CheckpointRestoreTest {
  @TempDir Path dir;

  /** The resources of the office deployment ({@link Office#HEADER} comes first). */
  static final String RESOURCES =
      """
          - {type: opnsense:firewall:alias, name: printers, properties: {type: host, content: ["10.0.0.9"]}}
          - {type: opnsense:firewall:rule, name: to-printers, properties: {interface: lan, destination: "${printers.name}", port: 631, description: to-printers}}
          - {type: opnsense:service:haproxy:server, name: s1, properties: {address: 10.0.0.8, port: 8080}}
          - {type: opnsense:service:haproxy:backend, name: b, properties: {servers: ["${s1.uuid}"]}}
          - {type: opnsense:service:haproxy:frontend, name: f, properties: {bind: "0.0.0.0:80", defaultBackend: "${b.uuid}"}}
      """;

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void aCheckpointRestoredAfterDestroyRecreatesEverything(String version) throws Exception {
    try (Office office = Office.start(dir, version)) {
      Sandbox fw = office.firewall();
      Path file = office.file(RESOURCES);
      String state = office.state();
      Map<String, String> env = office.env();
      Pty.Run apply =
          Pty.noTerminal(dir, env, "apply", "-f", file.toString(), "--state", state, "--yes");
      assertThat(apply.exit()).as(apply.screen()).isZero();
      String oldServer = id(state, "s1");

      Pty.Run cp =
          Pty.noTerminal(
              dir, env, "checkpoint", "create", "office", "-m", "good", "--state", state, "--json");
      assertThat(cp.exit()).as(cp.screen()).isZero();
      String checkpoint =
          Json.parse(cp.screen().substring(cp.screen().indexOf('{'))).path("id").asText();

      Pty.Run destroy = Pty.noTerminal(dir, env, "destroy", "office", "--state", state, "--yes");
      assertThat(destroy.exit()).as(destroy.screen()).isZero();
      assertThat(Json.write(fw.emulator().state())).doesNotContain("to-printers");

      // no -f: the environment is enough
      Pty.Run restore =
          Pty.noTerminal(dir, env, "checkpoint", "restore", checkpoint, "--state", state, "--yes");
      assertThat(restore.exit()).as(restore.screen()).isZero();
      String newServer = id(state, "s1");
      assertThat(newServer).isNotEqualTo(oldServer);
      JsonNode backend =
          SandboxApi.call(fw, "GET", "/api/haproxy/settings/getBackend/" + id(state, "b"), null)
              .path("backend");
      assertThat(Json.write(backend.path("linkedServers"))).contains(newServer);
      JsonNode frontend =
          SandboxApi.call(fw, "GET", "/api/haproxy/settings/getFrontend/" + id(state, "f"), null)
              .path("frontend");
      assertThat(Json.write(frontend.path("defaultBackend"))).contains(id(state, "b"));
      assertThat(Json.write(fw.emulator().state())).contains("to-printers");

      // and the file agrees with what is there
      Pty.Run plan =
          Pty.noTerminal(
              dir, env, "plan", "-f", file.toString(), "--state", state, "--detailed-exitcode");
      assertThat(plan.exit()).as(plan.screen()).isZero();
    }
  }

  private static String id(String state, String name) {
    return Cli.resourceId(state, "office", name);
  }
}
