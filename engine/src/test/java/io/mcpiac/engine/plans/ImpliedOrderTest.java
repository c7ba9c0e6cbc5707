package io.mcpiac.engine.plans;

import static io.mcpiac.engine.config.DeploymentBuilder.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.ImpliedDependency;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Placement;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dependencies a provider implies ({@link Provider#impliedDependencies}) order the apply like a
 * written {@code dependsOn}, reverse the destroy, carry their note into the plan, and never close a
 * cycle with the file's own edges.
 */
class ImpliedOrderTest {
  @TempDir Path dir;

  /** The core provider, saying that {@code child} must come after {@code parent}. */
  private record Implying(CoreProvider core, List<String> calls) implements Provider {
    @Override
    public String name() {
      return core.name();
    }

    @Override
    public List<ResourceType> resourceTypes() {
      return core.resourceTypes();
    }

    @Override
    public List<ImpliedDependency> impliedDependencies(Map<String, List<Placement>> byType) {
      return List.of(new ImpliedDependency("child", "parent", "known after 'parent'"));
    }

    @Override
    public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> resources) {
      return core.read(type, resources);
    }

    @Override
    public List<ChangeResult> apply(List<Change> batch) {
      batch.forEach(c -> calls.add(c.kind() + " " + c.name()));
      return core.apply(batch);
    }
  }

  @Test
  void anImpliedDependencyOrdersApplyAndDestroyAndIsNoted() throws Exception {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    try (StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      Engine engine =
          new Engine(
              new ProviderRegistry().register("core", new Implying(new CoreProvider(), calls)),
              store);
      // the file lists the child first and orders nothing
      Deployment d =
          deployment("implied")
              .resource("core:data", "child", r -> r.property("input", 1))
              .resource("core:data", "parent", r -> r.property("input", 2))
              .build();
      Plan plan = engine.plan(d);
      PlannedAction child =
          plan.actions().stream().filter(a -> a.name().equals("child")).findFirst().orElseThrow();
      assertThat(child.dependencies()).containsExactly("parent");
      assertThat(plan.stages()).containsExactly(List.of("parent"), List.of("child"));
      assertThat(new PlanRenderer(false).render(plan)).contains("'child': known after 'parent'");

      ExecutionResult r =
          engine.apply(plan, ExecutionOptions.DEFAULTS, e -> {}, new Cancellation());
      assertThat(r.success()).isTrue();
      assertThat(calls).containsExactly("CREATE parent", "CREATE child");

      calls.clear();
      engine.apply(
          engine.planDestroy("implied"), ExecutionOptions.DEFAULTS, e -> {}, new Cancellation());
      assertThat(calls).containsExactly("DELETE child", "DELETE parent");
    }
  }

  @Test
  void anImpliedEdgeThatWouldCloseACycleIsLeftOut() throws Exception {
    try (StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      Engine engine =
          new Engine(
              new ProviderRegistry()
                  .register("core", new Implying(new CoreProvider(), new ArrayList<>())),
              store);
      Deployment d =
          deployment("cycle")
              .resource("core:data", "child", r -> r.property("input", 1))
              .resource("core:data", "parent", r -> r.property("input", 2).dependsOn("child"))
              .build();
      Plan plan = engine.plan(d);
      assertThat(plan.stages()).containsExactly(List.of("child"), List.of("parent"));
    }
  }
}
