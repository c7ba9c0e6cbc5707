package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --destroy}, as Terraform's {@code plan -destroy}: what destroy would delete, with the
 * plan's exit codes, and nothing changed; what it does not combine with is refused.
 */
class PlanDestroyTest {
  @TempDir Path dir;

  @Test
  void showsWhatDestroyWouldDeleteAndChangesNothing() throws Exception {
    Path file = dir.resolve("app.yaml");
    Files.writeString(
        file,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: app}
        spec:
          resources:
            - type: core:data
              name: first
              properties: {input: "one"}
            - type: core:data
              name: second
              properties: {input: "${first.output}-two"}
        """);
    String state = "sqlite:" + dir.resolve("state.db");
    assertThat(Cli.run("apply", "-f", file.toString(), "--yes", "--state", state).exit()).isZero();

    Cli.Run plan =
        Cli.run(
            "plan", "--destroy", "-f", file.toString(), "--state", state, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.printed()).isEqualTo(2);
    assertThat(plan.out()).contains("- core:data first", "- core:data second", "2 to destroy");
    var json =
        Json.parse(
            Cli.run("plan", "--destroy", "-f", file.toString(), "--state", state, "--json").out());
    assertThat(json.path("summary").path("delete").asInt()).isEqualTo(2);
    // dependents first: second goes before first
    assertThat(json.path("stages").get(0).get(0).asText()).isEqualTo("second");
    try (StateStore store = StateStores.open(state)) {
      assertThat(store.version("app")).isEqualTo(1);
      assertThat(store.load("app").orElseThrow().resources()).containsKeys("first", "second");
    }

    Cli.Run saved =
        Cli.run(
            "plan",
            "--destroy",
            "-f",
            file.toString(),
            "--state",
            state,
            "--out",
            dir.resolve("d.plan").toString());
    assertThat(saved.exit()).isEqualTo(2);
    assertThat(saved.err()).contains("--destroy does not combine with --out", "destroy NAME");
    assertThat(dir.resolve("d.plan")).doesNotExist();

    assertThat(Cli.run("destroy", "app", "--yes", "--state", state).exit()).isZero();
    Cli.Run after =
        Cli.run(
            "plan", "--destroy", "-f", file.toString(), "--state", state, "--detailed-exitcode");
    assertThat(after.exit()).as(after.printed()).isZero();
  }
}
