package io.mcpiac.engine.execution;

import static io.mcpiac.engine.config.DeploymentBuilder.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.DeploymentState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The execution seed's integration test: deploy, checkpoint, change, restore; on each backend. */
@ParameterizedClass
@EnumSource(StateBackend.class)
class CheckpointRestoreTest {
  @Parameter StateBackend backend;
  @TempDir Path dir;

  private static Deployment rules(Map<String, Integer> ports) {
    var b = deployment("firewall");
    ports.forEach(
        (name, port) ->
            b.resource(
                "core:data",
                name,
                r -> r.property("input", Map.of("port", port, "action", "pass"))));
    return b.build();
  }

  @Test
  void deployCheckpointChangeAndRestore() {
    try (EngineFixture fx = new EngineFixture(backend.freshLocation(dir))) {
      fx.apply(rules(Map.of("allow-ssh", 22, "allow-http", 80)));
      Checkpoint cp = fx.engine.checkpoints().create("firewall", "Before changes");
      assertThat(cp.resources()).hasSize(2);

      // change: ssh 22 → 2222, add https, remove http
      ExecutionResult changed = fx.apply(rules(Map.of("allow-ssh", 2222, "allow-https", 443)));
      assertThat(changed.success()).isTrue();
      assertThat(fx.engine.state("firewall").resources())
          .containsOnlyKeys("allow-ssh", "allow-https");

      Plan restorePlan = fx.engine.checkpoints().planRestore(cp.id());
      assertThat(restorePlan.action("allow-ssh").orElseThrow().action())
          .isEqualTo(ActionType.UPDATE);
      assertThat(restorePlan.action("allow-http").orElseThrow().action())
          .isEqualTo(ActionType.CREATE);
      assertThat(restorePlan.action("allow-https").orElseThrow().action())
          .isEqualTo(ActionType.DELETE);

      var restored =
          fx.engine
              .checkpoints()
              .restore(
                  cp.id(),
                  ExecutionOptions.DEFAULTS,
                  p -> true,
                  ProgressListener.NONE,
                  new Cancellation());
      assertThat(restored.result().success()).isTrue();

      DeploymentState state = fx.engine.state("firewall");
      assertThat(state.resources()).containsOnlyKeys("allow-ssh", "allow-http");
      assertThat(state.resource("allow-ssh").orElseThrow().outputs().at("/output/port").asInt())
          .isEqualTo(22);
      // the checkpoint itself is immutable
      assertThat(fx.engine.checkpoints().get(cp.id()).resources()).hasSize(2);
      assertThat(fx.engine.checkpoints().list("firewall"))
          .extracting(Checkpoint::id)
          .contains(cp.id());
    }
  }
}
