package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user drives it: outputs and exit codes. */
class CommandLineTest {
  @TempDir Path dir;
  Path file;
  String state;

  @BeforeEach
  void setUp() throws Exception {
    state = "sqlite:" + dir.resolve("state.db");
    file = write("web", "8080", false);
  }

  private Path write(String name, String port, boolean fail) throws Exception {
    Path f = dir.resolve(name + "-" + port + (fail ? "-fail" : "") + ".yaml");
    Files.writeString(
        f,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          resources:
            - type: core:data
              name: backend
              properties: {input: "10.0.0.5:%s"}
            - type: core:data
              name: frontend
              properties: {input: "http://${backend.output}", failOnCreate: %s}
        """
            .formatted(name, port, fail));
    return f;
  }

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  @Test
  void versionAndHelp() {
    assertThat(run("--version").out()).startsWith("mcp-iac ");
    // answered without building the command line, exactly as picocli prints it
    java.io.StringWriter picocli = new java.io.StringWriter();
    Main.commandLine().printVersionHelp(new java.io.PrintWriter(picocli, true));
    assertThat(run("--version").out()).isEqualTo(picocli.toString());
    assertThat(run("-V").out()).isEqualTo(picocli.toString());
    assertThat(run("--version").exit()).isZero();
    // Terraform's habit: a version command, with JSON for scripts
    assertThat(run("version").out()).isEqualTo(picocli.toString());
    com.fasterxml.jackson.databind.JsonNode json =
        io.mcpiac.engine.json.Json.parse(run("version", "--json").out());
    assertThat(json.path("mcp_iac_version").asText()).isEqualTo(Version.VERSION);
    assertThat(json.path("platform").asText()).matches("[a-z0-9]+_[a-z0-9]+");
    Cli.Run help = run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains(
            "validate", "plan", "apply", "destroy", "refresh", "state", "checkpoint", "bench");
    assertThat(run("plan", "--help").out()).contains("--detailed-exitcode", "--state", "--out");
  }

  @Test
  void invalidInputExitsTwoNamingFileLineAndProperty() throws Exception {
    Path bad = dir.resolve("bad.yaml");
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
              properties: {input: "${nothere.output}"}
        """);
    Cli.Run validate = run("validate", "-f", bad.toString());
    assertThat(validate.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(validate.err()).contains("bad.yaml:8").contains("resource 'a'").contains("nothere");

    Cli.Run plan = run("plan", "-f", bad.toString(), "--state", state);
    assertThat(plan.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run("state", "list", "--state", state).out()).contains("No deployments");

    assertThat(run("plan", "-f", dir.resolve("missing.yaml").toString()).exit())
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run("plan", "--no-such-flag").exit()).isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void detailedExitCodeSaysWhetherThePlanHasChanges() {
    assertThat(run("plan", "-f", file.toString(), "--state", state, "--detailed-exitcode").exit())
        .isEqualTo(ExitCodes.HAS_CHANGES);
    assertThat(run("apply", "-f", file.toString(), "--state", state, "--yes").exit()).isZero();
    Cli.Run again = run("plan", "-f", file.toString(), "--state", state, "--detailed-exitcode");
    assertThat(again.exit()).isZero();
    assertThat(again.out()).startsWith("No changes.");
  }

  @Test
  void applyWithoutATerminalNeedsYes() {
    Cli.Run r = run("apply", "-f", file.toString(), "--state", state);
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("--yes");
    assertThat(run("state", "list", "--state", state).out()).contains("No deployments");
  }

  @Test
  void aSavedPlanAppliesOnceAndIsThenRefusedAsStale() throws Exception {
    Path planFile = dir.resolve("web.plan.json");
    Cli.Run plan =
        run("plan", "-f", file.toString(), "--state", state, "--out", planFile.toString());
    assertThat(plan.exit()).isZero();
    assertThat(plan.out()).contains("Plan: 2 to add");

    Cli.Run first = run("apply", planFile.toString(), "--state", state, "--yes");
    assertThat(first.exit()).isZero();
    assertThat(first.out()).contains("✓ create backend").contains("Deployment succeeded");

    Cli.Run stale = run("apply", planFile.toString(), "--state", state, "--yes");
    assertThat(stale.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(stale.err()).contains("state version 0").contains("now at version 1");
  }

  @Test
  void aFailedApplyRollsBackAndExitsOne() throws Exception {
    Cli.Run r =
        run("apply", "-f", write("web", "8080", true).toString(), "--state", state, "--yes");
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out()).contains("✗ create frontend").contains("Rolled back 1 of 1 change");
    Cli.Run show = run("state", "show", "web", "--state", state, "--json");
    assertThat(Json.parse(show.out()).get("resources")).isEmpty();
  }

  @Test
  void jsonOutputIsMachineReadable() {
    Cli.Run plan = run("plan", "-f", file.toString(), "--state", state, "--json");
    JsonNode json = Json.parse(plan.out());
    assertThat(json.get("summary").get("create").asInt()).isEqualTo(2);

    Cli.Run apply = run("apply", "-f", file.toString(), "--state", state, "--yes", "--json");
    String[] lines = apply.out().strip().split("\n");
    assertThat(Json.parse(lines[0]).get("event").asText()).isEqualTo("start");
    JsonNode result = Json.parse(lines[lines.length - 1]);
    assertThat(result.get("success").asBoolean()).isTrue();
    assertThat(result.get("results")).hasSize(2);
  }

  @Test
  void stateVersionsCheckpointsAndRestoreFromTheCommandLine() throws Exception {
    assertThat(run("apply", "-f", file.toString(), "--state", state, "--yes").exit()).isZero();
    Cli.Run cp =
        run("checkpoint", "create", "web", "-m", "before the port change", "--state", state);
    assertThat(cp.exit()).isZero();
    String id = cp.out().lines().findFirst().orElseThrow().replace("Checkpoint created: ", "");

    Path moved = write("web", "9090", false);
    assertThat(run("apply", "-f", moved.toString(), "--state", state, "--yes").exit()).isZero();
    assertThat(run("state", "show", "web", "--state", state).out()).contains("10.0.0.5:9090");
    assertThat(run("state", "show", "web", "--version", "1", "--state", state).out())
        .contains("10.0.0.5:8080");
    assertThat(run("checkpoint", "list", "web", "--state", state).out())
        .contains(id)
        .contains("before the port change");

    Cli.Run restore = run("checkpoint", "restore", id, "--state", state, "--yes");
    assertThat(restore.exit()).isZero();
    assertThat(restore.out()).contains("~ core:data backend");
    assertThat(run("state", "show", "web", "--state", state).out()).contains("10.0.0.5:8080");

    Cli.Run destroy = run("destroy", "web", "--state", state, "--yes");
    assertThat(destroy.exit()).isZero();
    assertThat(run("state", "list", "--state", state).out()).containsPattern("web\\s+\\d+\\s+0");
  }
}
