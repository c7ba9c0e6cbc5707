package io.mcpiac.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.config.SourceLocation;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine on N {@code core:data} resources where {@code b[i]} depends on {@code a[i]}: apply
 * from empty, a no-op plan, destroy; through the real engine, SQLite state and journal.
 */
public final class EngineBenchmark {
  private EngineBenchmark() {}

  /** N resources: N/2 pairs. */
  public static Deployment pairs(String name, int n) {
    List<ResourceConfig> resources = new ArrayList<>(n);
    SourceLocation origin = new SourceLocation("<bench>", 0);
    for (int i = 0; i < n / 2; i++) {
      ObjectNode a = Json.object();
      a.put("input", "value-" + i);
      ObjectNode b = Json.object();
      b.put("input", "${a-" + i + ".output}");
      resources.add(
          new ResourceConfig("core:data", "a-" + i, a, List.of(), null, origin, Map.of()));
      resources.add(
          new ResourceConfig("core:data", "b-" + i, b, List.of(), null, origin, Map.of()));
    }
    return new Deployment(name, Map.of(), resources, origin);
  }

  public static List<Measurement> run(int n, int parallelism, Path dir) {
    Deployment deployment = pairs("bench-" + n, n);
    List<Measurement> out = new ArrayList<>();
    ExecutionOptions options = new ExecutionOptions(parallelism, false, true);
    try (StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"));
        ProviderRegistry registry = new ProviderRegistry()) {
      registry.register(CoreProvider.NAME, new CoreProvider());
      Engine engine = new Engine(registry, store);
      out.add(
          Measurement.of(
              "apply",
              n,
              () -> {
                Engine.Applied a =
                    engine.planAndApply(
                        deployment, options, p -> true, ProgressListener.NONE, new Cancellation());
                if (!a.result().success()) {
                  throw new IllegalStateException("bench apply failed: " + a.result().error());
                }
                return a;
              }));
      out.add(
          Measurement.of(
              "plan (no-op)",
              n,
              () -> {
                Plan p = engine.plan(deployment);
                if (p.hasChanges()) {
                  throw new IllegalStateException("bench: the no-op plan has changes");
                }
                return p;
              }));
      out.add(
          Measurement.of(
              "destroy",
              n,
              () -> {
                Engine.Applied a =
                    engine.destroy(
                        deployment.name(),
                        options,
                        p -> true,
                        ProgressListener.NONE,
                        new Cancellation());
                if (!a.result().success()) {
                  throw new IllegalStateException("bench destroy failed: " + a.result().error());
                }
                return a;
              }));
    }
    return out;
  }
}
