package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code output} as scripts use Terraform's: one value bare, {@code --raw}, {@code --json}. */
class OutputCommandTest {
  @TempDir Path dir;

  @Test
  void oneOutputBareRawOrAsJsonAndRawRefusesWhatIsNotAScalar() throws Exception {
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
              name: host
              properties: {input: "db.internal"}
          outputs:
            address: {value: "${host.output}"}
            both: {value: ["${host.output}", "backup.internal"]}
        """);
    String state = "sqlite:" + dir.resolve("state.db");
    Cli.Run apply = Cli.run("apply", "-f", file.toString(), "--yes", "--state", state);
    assertThat(apply.exit()).as(apply.printed()).isZero();

    assertThat(Cli.run("output", "address", "--state", state).out()).isEqualTo("db.internal\n");
    assertThat(Cli.run("output", "--raw", "address", "--state", state).out())
        .isEqualTo("db.internal\n");
    assertThat(Json.parse(Cli.run("output", "both", "--json", "--state", state).out())).hasSize(2);

    Cli.Run list = Cli.run("output", "--raw", "both", "--state", state);
    assertThat(list.exit()).isEqualTo(2);
    assertThat(list.err()).contains("'both' is a list", "--json");
    Cli.Run none = Cli.run("output", "--raw", "--state", state);
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("name it");
  }
}
