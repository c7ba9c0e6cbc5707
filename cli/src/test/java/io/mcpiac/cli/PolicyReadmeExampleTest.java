package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.cli.orchestrator.Processes;
import io.mcpiac.opnsense.emulator.OpnsenseEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Policies worked example, taken from the README itself, run as it says against the
 * emulator: refused with the violation it shows, then applied once fixed, the exception recorded;
 * and the policy's own examples pass {@code policy test}.
 */
class PolicyReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void theWorkedExampleDoesWhatTheReadmeSays() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("## Policies and compliance"));
    int start = section.indexOf("```yaml\n# edge.yaml\n") + "```yaml\n".length();
    String yaml = section.substring(start, section.indexOf("```", start));
    Files.writeString(dir.resolve("edge.yaml"), yaml);
    String shown = section.substring(section.indexOf("$ mcp-iac apply -f edge.yaml"));
    String expected = shown.substring(shown.indexOf("  edge.yaml:"), shown.indexOf("$ echo"));
    try (OpnsenseEmulator emulator =
        OpnsenseEmulator.builder().tls(false).apiKey("key").apiSecret("secret").build().start()) {
      Map<String, String> env =
          Map.of(
              "OPNSENSE_URL", emulator.url(),
              "OPNSENSE_API_KEY", "key",
              "OPNSENSE_API_SECRET", "secret");
      List<String> state = List.of("--state", "sqlite:" + dir.resolve("s.db"));
      Processes.Run refused =
          Processes.run(dir, args(state, "apply", "-f", "edge.yaml", "--yes"), env);
      assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
      assertThat(refused.stderr().replaceAll("\\s+", " "))
          .contains("1 mandatory policy violation; nothing was changed:")
          .contains(expected.replaceAll("\\s+", " ").trim());

      Files.writeString(
          dir.resolve("edge.yaml"),
          yaml.replace(
              "port: 443, description: HTTPS in}", "port: 443, log: true, description: HTTPS in}"));
      Processes.Run applied =
          Processes.run(dir, args(state, "apply", "-f", "edge.yaml", "--yes"), env);
      assertThat(applied.exit()).as(applied.toString()).isZero();
      Processes.Run show = Processes.run(dir, args(state, "state", "show", "edge"), env);
      assertThat(show.stdout()).contains("policy-exceptions", "old app, retired in Q3 (OPS-12)");
      assertThat(emulator.state().toString()).contains("HTTPS in", "old app");

      Processes.Run tested = Processes.run(dir, List.of("policy", "test", "edge.yaml"), env);
      assertThat(tested.exit()).as(tested.toString()).isZero();
      assertThat(tested.stdout()).contains("2 of 2 examples behave as written");
    }
  }

  private static List<String> args(List<String> state, String... command) {
    List<String> all = new java.util.ArrayList<>(List.of(command));
    all.addAll(state);
    return all;
  }
}
