package io.mcpiac.engine.plans;

import static io.mcpiac.engine.config.DeploymentBuilder.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed list says which elements it gains and loses, in the plan a person reads. */
class ListDeltaTest {
  @TempDir Path dir;

  private static Deployment with(String list) {
    return deployment("lists")
        .resource("core:data", "a", r -> r.property("input", Json.parse(list)))
        .build();
  }

  @Test
  void aChangedListNamesWhatItGainsAndLoses() {
    try (StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      Engine engine =
          new Engine(new ProviderRegistry().register("core", new CoreProvider()), store);
      var applied =
          engine.planAndApply(
              with("[\"SELECT\", \"DELETE\"]"),
              ExecutionOptions.DEFAULTS,
              p -> true,
              ProgressListener.NONE,
              new Cancellation());
      assertThat(applied.result().success()).isTrue();
      String text = new PlanRenderer(false).render(engine.plan(with("[\"SELECT\", \"INSERT\"]")));
      assertThat(text)
          .contains(
              "~ input: [\"SELECT\",\"DELETE\"] → [\"SELECT\",\"INSERT\"]  (adds INSERT; removes DELETE)");
      // lists of objects are shown as they are
      assertThat(ListDelta.describe(Json.parse("[{\"a\": 1}]"), Json.parse("[]"))).isEmpty();
    }
  }
}
