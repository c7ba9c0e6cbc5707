package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.cli.demo.Sandbox;
import io.mcpiac.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, item 6, as found: import with a wrong secret printed "Imported 0 resources" with exit 0
 * and recorded an empty deployment; imported files held literal alias names and UUIDs, so destroy
 * failed ("Alias in use"); the same objects could be imported into two deployments without a word.
 */
class ImportSafetyTest {
  @TempDir Path dir;

  /** The resources of the office deployment ({@link Office#HEADER} comes first). */
  static final String RESOURCES =
      """
          - {type: opnsense:firewall:alias, name: printers, properties: {type: host, content: ["10.0.0.9"]}}
          - {type: opnsense:firewall:rule, name: to-printers, properties: {interface: lan, destination: "${printers.name}", port: 631, description: to-printers}}
          - {type: opnsense:service:haproxy:server, name: s1, properties: {address: 10.0.0.8, port: 8080}}
          - {type: opnsense:service:haproxy:backend, name: pool, properties: {servers: ["${s1.uuid}"]}}
          - {type: opnsense:service:haproxy:frontend, name: web, properties: {bind: "0.0.0.0:80", defaultBackend: "${pool.uuid}"}}
      """;

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void importFailsLoudlyKeepsReferencesAndRespectsOtherDeployments(String version)
      throws Exception {
    try (Office office = Office.start(dir, version)) {
      Sandbox fw = office.firewall();
      Path file = office.file(RESOURCES);
      String built = office.state("built");
      String adopted = office.state("adopted");
      Map<String, String> env = office.env();
      Pty.Run apply =
          Pty.noTerminal(dir, env, "apply", "-f", file.toString(), "--state", built, "--yes");
      assertThat(apply.exit()).as(apply.screen()).isZero();

      // a wrong secret: an error, nothing written
      Map<String, String> wrong = office.wrongSecret();
      Path out = dir.resolve("imported.yaml");
      Pty.Run bad =
          Pty.noTerminal(
              dir, wrong, "import", "--all", "--out", out.toString(), "--state", adopted);
      assertThat(bad.exit()).as(bad.screen()).isEqualTo(1);
      assertThat(bad.screen()).contains("OPNSENSE_API_SECRET").doesNotContain("Imported 0");
      assertThat(out).doesNotExist();

      // objects another deployment manages are skipped, with a note naming it
      Pty.Run same =
          Pty.noTerminal(
              dir,
              env,
              "import",
              "--type",
              "opnsense:firewall:alias",
              "--out",
              dir.resolve("again.yaml").toString(),
              "--name",
              "again",
              "--state",
              built);
      assertThat(same.exit()).as(same.screen()).isZero();
      assertThat(same.screen()).contains("printers: skipped, deployment 'office' manages it");

      // into a state that does not manage them: references between the imported objects
      Pty.Run ok =
          Pty.noTerminal(dir, env, "import", "--all", "--out", out.toString(), "--state", adopted);
      assertThat(ok.exit()).as(ok.screen()).isZero();
      String imported = Files.readString(out);
      assertThat(imported).contains("destination: \"${printers.name}\"");
      assertThat(imported).contains("${s1.uuid}").contains("${pool.uuid}");
      Pty.Run plan =
          Pty.noTerminal(
              dir, env, "plan", "-f", out.toString(), "--state", adopted, "--detailed-exitcode");
      assertThat(plan.exit()).as(plan.screen()).isZero();
      // one more object, adopted by id into the existing deployment
      String cams =
          SandboxApi.call(
                  fw,
                  "POST",
                  "/api/firewall/alias/addItem",
                  "{\"alias\":{\"name\":\"cameras\",\"type\":\"host\",\"content\":\"10.0.0.30\"}}")
              .path("uuid")
              .asText();
      SandboxApi.call(fw, "POST", "/api/firewall/alias/reconfigure", null); // the GUI's Apply
      Pty.Run one =
          Pty.noTerminal(
              dir,
              env,
              "import",
              "--type",
              "opnsense:firewall:alias",
              "--id",
              cams,
              "--out",
              out.toString(),
              "--force",
              "--state",
              adopted);
      assertThat(one.exit()).as(one.screen()).isZero();
      assertThat(one.screen()).contains("Imported 1 resources");
      assertThat(Files.readString(out)).contains("cameras").contains("${printers.name}");
      Pty.Run planAll =
          Pty.noTerminal(
              dir, env, "plan", "-f", out.toString(), "--state", adopted, "--detailed-exitcode");
      assertThat(planAll.exit()).as(planAll.screen()).isZero();
      Pty.Run destroy =
          Pty.noTerminal(dir, env, "destroy", "imported", "--state", adopted, "--yes");
      assertThat(destroy.exit()).as(destroy.screen()).isZero();
      String config = Json.write(fw.emulator().state());
      assertThat(config)
          .doesNotContain("to-printers")
          .doesNotContain("\"printers\"")
          .doesNotContain("cameras");
    }
  }
}
