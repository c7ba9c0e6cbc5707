package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code show PLANFILE}: a saved plan as {@code plan} printed it, and as {@code plan --json} did,
 * without the secret the plan was made with; anything else is refused with a pointer.
 */
class ShowCommandTest {
  @TempDir Path dir;

  @Test
  void showsASavedPlanAsPlanPrintedItWithoutItsSecret() throws Exception {
    Path file = dir.resolve("app.yaml");
    Files.writeString(
        file,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: app}
        spec:
          variables:
            token: {type: string, sensitive: true}
          resources:
            - type: core:data
              name: config
              properties: {input: "plain"}
            - type: core:data
              name: credentials
              properties: {input: "${var.token}"}
        """);
    String state = "sqlite:" + dir.resolve("state.db");
    Path saved = dir.resolve("app.plan");
    Cli.Run plan =
        Cli.run(
            "plan",
            "-f",
            file.toString(),
            "--var",
            "token=very-secret-17",
            "--state",
            state,
            "--no-color",
            "--out",
            saved.toString());
    assertThat(plan.exit()).as(plan.printed()).isZero();

    Cli.Run show = Cli.run("show", saved.toString(), "--no-color");
    assertThat(show.exit()).as(show.printed()).isZero();
    assertThat(plan.out()).startsWith(show.out());
    assertThat(show.out()).contains("config", "credentials", "(sensitive)");
    assertThat(show.printed()).doesNotContain("very-secret-17");

    Cli.Run json = Cli.run("show", saved.toString(), "--json");
    assertThat(json.exit()).as(json.printed()).isZero();
    JsonNode shown = Json.parse(json.out());
    assertThat(shown.path("summary").path("create").asInt()).isEqualTo(2);
    assertThat(shown.path("actions").findValuesAsText("resource"))
        .containsExactlyInAnyOrder("config", "credentials");
    assertThat(json.out()).doesNotContain("very-secret-17");
  }

  @Test
  void aDeploymentFileOrAMissingFileIsNotAPlan() throws Exception {
    Path file = dir.resolve("app.yaml");
    Files.writeString(
        file, "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: app}\nspec: {}\n");
    Cli.Run notAPlan = Cli.run("show", file.toString());
    assertThat(notAPlan.exit()).isEqualTo(2);
    assertThat(notAPlan.err()).contains("is not a saved plan", "plan -f FILE --out");
    Cli.Run missing = Cli.run("show", dir.resolve("nothing.plan").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file", "state show NAME");
  }
}
