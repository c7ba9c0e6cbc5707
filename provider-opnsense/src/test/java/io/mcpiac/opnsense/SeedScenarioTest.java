package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.Checkpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The execution-engine seed's integration test, against a firewall. */
class SeedScenarioTest {
  @TempDir Path dir;

  static String rules(String... rules) {
    StringBuilder s =
        new StringBuilder(
            "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: seed}\nspec:\n  resources:\n");
    for (String r : rules) {
      String[] p = r.split(":");
      s.append("    - {type: opnsense:firewall:rule, name: ")
          .append(p[0])
          .append(", properties: {interface: lan, source: any, port: ")
          .append(p[1])
          .append(", action: pass, description: ")
          .append(p[0])
          .append("}}\n");
    }
    return s.toString();
  }

  // every emulator profile: both sides of each version trap (issue 14)
  @ParameterizedTest
  @ValueSource(strings = {"26.1.0", "26.1.2", "26.1", "26.1.11", "26.7"})
  void deployCheckpointChangeAndRestore(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      ExecutionResult first =
          Firewall.apply(engine, Firewall.deployment(reg, rules("allow-ssh:22", "allow-http:80")));
      assertThat(first.success()).isTrue();
      Checkpoint cp = engine.checkpoints().create("seed", "Before changes");

      ExecutionResult changed =
          Firewall.apply(
              engine, Firewall.deployment(reg, rules("allow-ssh:2222", "allow-https:443")));
      assertThat(changed.success()).isTrue();
      assertThat(fw.rules())
          .extracting(r -> r.path("destination_port").asText())
          .containsExactlyInAnyOrder("2222", "443");

      Engine.Applied restored =
          engine
              .checkpoints()
              .restore(
                  cp.id(),
                  ExecutionOptions.DEFAULTS,
                  p -> true,
                  ProgressListener.NONE,
                  new Cancellation());
      assertThat(restored.result().success())
          .as(String.valueOf(restored.result().error()))
          .isTrue();

      assertThat(fw.rules()).hasSize(2);
      JsonNode ssh =
          fw.rules().stream()
              .filter(r -> r.path("description").asText().equals("allow-ssh"))
              .findFirst()
              .orElseThrow();
      assertThat(ssh.path("destination_port").asText()).isEqualTo("22");
      assertThat(fw.rules())
          .extracting(
              r -> r.path("description").asText() + ":" + r.path("destination_port").asText())
          .containsExactlyInAnyOrder("allow-ssh:22", "allow-http:80");
      assertThat(
              engine
                  .plan(Firewall.deployment(reg, rules("allow-ssh:22", "allow-http:80")))
                  .hasChanges())
          .isFalse();
    }
  }
}
