package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform's conventions as a pipeline sees them: exit codes, JSON errors, missing state. */
class ConventionsTest {
  @TempDir Path dir;
  Path file;
  Path bad;
  String state;

  @BeforeEach
  void setUp() throws Exception {
    state = "sqlite:" + dir.resolve("state.db");
    file = dir.resolve("web.yaml");
    Files.writeString(
        file,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          resources:
            - type: core:data
              name: a
              properties: {input: hello}
        """);
    bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: bad}
        spec:
          resources:
            - type: core:data
              name: a
              properties: {inptu: hello}
        """);
  }

  @Test
  void detailedExitCodeIsTerraformsZeroOneTwo() {
    Cli.Run changes =
        Cli.run("plan", "-f", file.toString(), "--state", state, "--detailed-exitcode");
    assertThat(changes.exit()).as(changes.printed()).isEqualTo(2);
    Cli.Run invalid =
        Cli.run("plan", "-f", bad.toString(), "--state", state, "--detailed-exitcode");
    assertThat(invalid.exit()).as(invalid.printed()).isEqualTo(1);
    Cli.Run badFlag = Cli.run("plan", "--detailed-exitcode", "--no-such-flag");
    assertThat(badFlag.exit()).isEqualTo(1);
    assertThat(Cli.run("apply", "-f", file.toString(), "--state", state, "--yes").exit()).isZero();
    Cli.Run none = Cli.run("plan", "-f", file.toString(), "--state", state, "--detailed-exitcode");
    assertThat(none.exit()).as(none.printed()).isZero();
  }

  @Test
  void withoutTheFlagOurCodesStay() {
    assertThat(Cli.run("plan", "-f", file.toString(), "--state", state).exit()).isZero();
    assertThat(Cli.run("plan", "-f", bad.toString(), "--state", state).exit()).isEqualTo(2);
    assertThat(Cli.run("plan", "--no-such-flag").exit()).isEqualTo(2);
  }

  @Test
  void jsonErrorsAreDiagnosticsOnStdout() {
    String f = bad.toString();
    for (String[] command :
        new String[][] {
          {"plan", "-f", f, "--state", state, "--json"},
          {"apply", "-f", f, "--state", state, "--json", "--yes"},
          {"validate", "-f", f, "--json"}
        }) {
      Cli.Run r = Cli.run(command);
      assertThat(r.exit()).as(r.printed()).isEqualTo(2);
      JsonNode json = Json.parse(r.out());
      assertThat(json.get("format_version").asText()).isEqualTo("1.0");
      assertThat(json.get("valid").asBoolean()).isFalse();
      JsonNode d = json.get("diagnostics").get(0);
      assertThat(d.get("severity").asText()).isEqualTo("error");
      assertThat(d.get("summary").asText()).contains("inptu").contains("did you mean 'input'?");
      assertThat(d.get("file").asText()).endsWith("bad.yaml");
      assertThat(d.get("line").asInt()).isEqualTo(8);
      assertThat(d.get("resource").asText()).isEqualTo("a");
      assertThat(d.get("range").get("start").get("line").asInt()).isEqualTo(8);
    }
    Cli.Run missing = Cli.run("state", "show", "nothere", "--state", state, "--json");
    assertThat(missing.exit()).isNotZero();
    assertThat(Json.parse(missing.out()).get("diagnostics").get(0).get("summary").asText())
        .contains("no state");
    Cli.Run badFlag = Cli.run("plan", "--json", "--no-such-flag");
    assertThat(Json.parse(badFlag.out()).get("error_count").asInt()).isEqualTo(1);
  }

  @Test
  void propertyTyposGetASuggestion() {
    Cli.Run r = Cli.run("validate", "-f", bad.toString());
    assertThat(r.err()).contains("bad.yaml:8", "'properties.inptu'", "did you mean 'input'?");
  }

  @Test
  void aMissingStateFileIsCreatedOnlyByCommandsThatWrite() {
    Path db = dir.resolve("state.db");
    Cli.Run plan = Cli.run("plan", "-f", file.toString(), "--state", state);
    assertThat(plan.exit()).as(plan.printed()).isZero();
    assertThat(plan.err()).contains("no state at");
    assertThat(db).doesNotExist();
    Cli.Run show = Cli.run("state", "show", "web", "--state", state);
    assertThat(show.exit()).isEqualTo(2);
    assertThat(show.err()).contains("no state at sqlite:" + db);
    assertThat(Cli.run("state", "list", "--state", state).out()).contains("No deployments");
    assertThat(db).doesNotExist();
    Cli.Run apply = Cli.run("apply", "-f", file.toString(), "--state", state, "--yes");
    assertThat(apply.err()).contains("created a new state file " + db);
    assertThat(db).exists();
  }

  @Test
  void aStalePlanSaysWhatChanged() throws Exception {
    Path planFile = dir.resolve("p.json");
    Cli.run("plan", "-f", file.toString(), "--state", state, "--out", planFile.toString());
    assertThat(Cli.run("apply", "-f", file.toString(), "--state", state, "--yes").exit()).isZero();
    Cli.Run stale = Cli.run("apply", planFile.toString(), "--state", state, "--yes");
    assertThat(stale.exit()).isEqualTo(1);
    assertThat(stale.err()).contains("state version 0", "now at version 1", "changed: a");
  }

  @Test
  void providerSettingsAreCheckedAgainstEachProvidersSchema() throws Exception {
    Path f = dir.resolve("prov.yaml");
    Files.writeString(
        f,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: prov}
        spec:
          providers:
            opnsense: {url: https://fw.lan, insecure: "yes", apiKeyFil: ./key.txt}
            docker: {hots: "unix:///x"}
          resources:
            - type: core:data
              name: a
              properties: {input: hello}
        """);
    for (String[] command :
        new String[][] {
          {"validate", "-f", f.toString()}, {"plan", "-f", f.toString(), "--state", state}
        }) {
      Cli.Run r = Cli.run(command);
      assertThat(r.exit()).as(r.printed()).isEqualTo(2);
      assertThat(r.err())
          .contains("prov.yaml:6: spec.providers.opnsense.insecure: string found, boolean expected")
          .contains("spec.providers.opnsense.apiKeyFil", "did you mean 'apiKeyFile'?")
          .contains("prov.yaml:7: spec.providers.docker.hots", "did you mean 'host'?");
    }
  }
}
