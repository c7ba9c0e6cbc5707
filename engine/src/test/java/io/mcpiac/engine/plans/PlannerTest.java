package io.mcpiac.engine.plans;

import static io.mcpiac.engine.config.DeploymentBuilder.deployment;
import static io.mcpiac.engine.config.DeploymentBuilder.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Desired × recorded × live → plan, and how the plan reads, through the real engine. */
class PlannerTest {
  @TempDir Path dir;
  StateStore store;
  Engine engine;

  @BeforeEach
  void setUp() {
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
    engine = new Engine(registry, store);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private void apply(Deployment d) {
    var applied =
        engine.planAndApply(
            d, ExecutionOptions.DEFAULTS, p -> true, ProgressListener.NONE, new Cancellation());
    assertThat(applied.result().success()).isTrue();
  }

  private static Deployment two(String aInput, Object trigger) {
    return deployment("p")
        .resource("core:data", "a", r -> r.property("input", aInput))
        .resource(
            "core:data",
            "b",
            r -> r.property("input", ref("a", "output")).property("triggersReplace", trigger))
        .build();
  }

  @Test
  void aNewDeploymentIsAllCreatesWithKnownValuesFlowingThroughReferences() {
    Plan plan = engine.plan(two("x", 1));

    assertThat(plan.actions()).extracting(PlannedAction::action).containsOnly(ActionType.CREATE);
    // core:data's output is known at plan time, like terraform_data's
    assertThat(plan.action("b").orElseThrow().properties().get("input").asText()).isEqualTo("x");
    assertThat(plan.stages()).containsExactly(java.util.List.of("a"), java.util.List.of("b"));
    assertThat(plan.stateVersion()).isZero();
    assertThat(plan.id()).startsWith("plan-");
    assertThat(plan.summary())
        .isEqualTo("Plan: 2 to add, 0 to change, 0 to replace, 0 to destroy.");
  }

  @Test
  void anUnchangedDeploymentPlansNoChanges() {
    apply(two("x", 1));
    Plan plan = engine.plan(two("x", 1));

    assertThat(plan.hasChanges()).isFalse();
    assertThat(new PlanRenderer(false).render(plan)).startsWith("No changes.");
  }

  @Test
  void updatesShowOldAndNewValuesPerProperty() {
    apply(two("x", 1));
    Plan plan = engine.plan(two("y", 1));

    PlannedAction a = plan.action("a").orElseThrow();
    assertThat(a.action()).isEqualTo(ActionType.UPDATE);
    assertThat(a.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.path()).isEqualTo("input");
              assertThat(c.before().asText()).isEqualTo("x");
              assertThat(c.after().asText()).isEqualTo("y");
            });
    String text = new PlanRenderer(false).render(plan);
    assertThat(text).contains("~ core:data a").contains("~ input: \"x\" → \"y\"");
    assertThat(text).contains("Plan: 0 to add, 2 to change, 0 to replace, 0 to destroy.");
  }

  @Test
  void aReplacementNamesThePropertyThatForcesIt() {
    apply(two("x", 1));
    Plan plan = engine.plan(two("x", 2));

    PlannedAction b = plan.action("b").orElseThrow();
    assertThat(b.action()).isEqualTo(ActionType.REPLACE);
    assertThat(b.reason()).isEqualTo("triggersReplace forces replacement");
    assertThat(new PlanRenderer(false).render(plan))
        .contains("-/+ core:data b")
        .contains("(forces replacement)");
  }

  @Test
  void resourcesRemovedFromTheConfigurationAreDeletedAfterTheirDependents() {
    apply(two("x", 1));
    Plan plan = engine.plan(deployment("p").build());

    assertThat(plan.actions()).extracting(PlannedAction::action).containsOnly(ActionType.DELETE);
    assertThat(plan.stages()).containsExactly(java.util.List.of("b"), java.util.List.of("a"));
    assertThat(new PlanRenderer(false).render(plan)).contains("  - core:data a");
  }

  @Test
  void unknownAndSecretValuesRenderAsPlaceholdersNeverAsData() {
    assertThat(Values.display(Values.UNKNOWN)).isEqualTo("(known after apply)");
    var secret =
        Values.sensitive("p/db", com.fasterxml.jackson.databind.node.TextNode.valueOf("hunter2"));
    assertThat(Values.display(secret)).isEqualTo("(sensitive)");
    assertThat(secret.asText()).doesNotContain("hunter2");
    assertThat(
            Values.sensitive(
                "p/other", com.fasterxml.jackson.databind.node.TextNode.valueOf("hunter2")))
        .as("salted per resource")
        .isNotEqualTo(secret);
  }

  @Test
  void planJsonCarriesTheSummaryActionsAndStages() {
    apply(two("x", 1));
    var json = PlanJson.of(engine.plan(two("y", 2)));

    assertThat(json.get("summary").get("update").asInt()).isEqualTo(1);
    assertThat(json.get("summary").get("replace").asInt()).isEqualTo(1);
    assertThat(json.get("actions").get(0).get("resource").asText()).isEqualTo("a");
    assertThat(json.get("actions").get(1).get("changes").toString()).contains("forcesReplacement");
    assertThat(json.get("stateVersion").asLong()).isEqualTo(1);
  }
}
