package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that only read state, on a state file nobody has written yet: they create and migrate
 * nothing, not a temporary database either. Run as whole processes whose temporary directory does
 * not exist, as on a machine where /tmp is not writable: any file the command made would fail it.
 */
class MissingStateTest {
  @TempDir Path dir;
  Path file;
  Path db;

  @BeforeEach
  void setUp() throws Exception {
    db = dir.resolve("state.db");
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
  }

  @Test
  void planOnAMissingStateFileCreatesNothingNotEvenATemporaryDatabase() throws Exception {
    Run plan = mcpIac("plan", "-f", file.toString(), "--state", "sqlite:" + db);
    assertThat(plan.exit()).as(plan.err()).isEqualTo(0);
    assertThat(plan.err()).contains("no state at sqlite:" + db + " yet: planning against empty");
    assertThat(plan.out()).contains("+ core:data a", "1 to add");
    assertThat(db).doesNotExist();
    Run detailed =
        mcpIac("plan", "-f", file.toString(), "--state", "sqlite:" + db, "--detailed-exitcode");
    assertThat(detailed.exit()).as(detailed.err()).isEqualTo(2);
    assertThat(db).doesNotExist();
  }

  @Test
  void outputAndStateShowOnAMissingStateFileSaySoAndCreateNothing() throws Exception {
    Run output = mcpIac("output", "-d", "web", "--state", "sqlite:" + db);
    assertThat(output.exit()).isEqualTo(2);
    assertThat(output.err()).contains("no state at sqlite:" + db).doesNotContain("created");
    assertThat(db).doesNotExist();
    Run show = mcpIac("state", "show", "web", "--state", "sqlite:" + db);
    assertThat(show.exit()).isEqualTo(2);
    assertThat(show.err()).contains("no state at sqlite:" + db);
    assertThat(db).doesNotExist();
  }

  record Run(int exit, String out, String err) {}

  /** mcp-iac as a process whose java.io.tmpdir does not exist. */
  private Run mcpIac(String... args) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java.toString(),
                "-Djava.io.tmpdir=" + dir.resolve("no-temporary-directory"),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }
}
