package io.mcpiac.engine.execution;

import static io.mcpiac.engine.config.DeploymentBuilder.deployment;
import static io.mcpiac.engine.config.DeploymentBuilder.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRequest;
import io.mcpiac.engine.plans.PlanStaleException;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.Deposed;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.LockedException;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateLock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The execution seed's tests and the executor's promises, through the real engine, on each state
 * backend.
 */
@ParameterizedClass
@EnumSource(StateBackend.class)
class ExecutorTest {
  @Parameter StateBackend backend;
  @TempDir Path dir;
  EngineFixture fx;

  @BeforeEach
  void setUp() {
    fx = new EngineFixture(backend.freshLocation(dir));
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void executesActionsInDependencyOrder() {
    // the seed: rule-1 depends on alias-1, listed first
    Deployment d =
        deployment("seed-order")
            .resource("core:data", "rule-1", r -> r.property("input", ref("alias-1", "output")))
            .resource("core:data", "alias-1", r -> r.property("input", "10.0.0.0/24"))
            .build();

    ExecutionResult result = fx.apply(d);

    assertThat(result.success()).isTrue();
    assertThat(fx.started()).containsExactly("alias-1", "rule-1");
    DeploymentState state = fx.engine.state("seed-order");
    assertThat(state.resource("rule-1").orElseThrow().outputs().get("output").asText())
        .isEqualTo("10.0.0.0/24");
  }

  @Test
  void rollsBackOnFailureDeletingWhatWasCreated() {
    Deployment d =
        deployment("seed-rollback")
            .resource("core:data", "one", r -> r.property("input", 1))
            .resource(
                "core:data",
                "two",
                r -> r.property("input", 2).property("failOnCreate", true).dependsOn("one"))
            .build();

    ExecutionResult result = fx.apply(d);

    assertThat(result.success()).isFalse();
    assertThat(result.error()).contains("two").contains("failOnCreate");
    assertThat(result.rolledBack()).isTrue();
    assertThat(result.rollback())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.resource()).isEqualTo("one");
              assertThat(u.kind()).isEqualTo(Change.Kind.DELETE);
              assertThat(u.success()).isTrue();
            });
    assertThat(fx.engine.state("seed-rollback").resources()).isEmpty();
  }

  @Test
  void rollbackRestoresUpdatedAndDeletedResources() {
    fx.apply(
        deployment("restore")
            .resource("core:data", "kept", r -> r.property("input", "v1"))
            .resource("core:data", "removed", r -> r.property("input", "gone soon"))
            .build());

    ExecutionResult result =
        fx.apply(
            deployment("restore")
                .resource("core:data", "kept", r -> r.property("input", "v2"))
                .resource(
                    "core:data", "broken", r -> r.property("failOnCreate", true).dependsOn("kept"))
                .build(),
            new ExecutionOptions(1, false, true));

    assertThat(result.success()).isFalse();
    DeploymentState state = fx.engine.state("restore");
    assertThat(state.resources()).containsOnlyKeys("kept", "removed");
    assertThat(state.resource("kept").orElseThrow().properties().get("input").asText())
        .isEqualTo("v1");
  }

  @Test
  void continueOnErrorSkipsExactlyTheDependentsOfTheFailure() {
    Deployment d =
        deployment("branches")
            .resource("core:data", "bad", r -> r.property("failOnCreate", true))
            .resource("core:data", "child", r -> r.property("input", ref("bad", "output")))
            .resource("core:data", "grandchild", r -> r.property("input", ref("child", "output")))
            .resource(
                "core:data", "other", r -> r.property("input", "fine").property("delayMs", 50))
            .resource("core:data", "other-child", r -> r.property("input", ref("other", "output")))
            .build();

    ExecutionResult result = fx.apply(d, new ExecutionOptions(2, true, false));

    Map<String, ActionResult.Status> status =
        result.results().stream()
            .collect(
                java.util.stream.Collectors.toMap(ActionResult::resource, ActionResult::status));
    assertThat(status)
        .containsEntry("bad", ActionResult.Status.FAILED)
        .containsEntry("child", ActionResult.Status.SKIPPED)
        .containsEntry("grandchild", ActionResult.Status.SKIPPED)
        .containsEntry("other", ActionResult.Status.COMPLETE)
        .containsEntry("other-child", ActionResult.Status.COMPLETE);
    assertThat(result.rolledBack()).isFalse();
    assertThat(fx.engine.state("branches").resources()).containsOnlyKeys("other", "other-child");
  }

  @Test
  void withoutContinueOnErrorNothingNewStartsAfterAFailure() {
    Deployment d =
        deployment("stop")
            .resource("core:data", "bad", r -> r.property("failOnCreate", true))
            .resource("core:data", "after", r -> r.property("input", 1).dependsOn("bad"))
            .build();

    ExecutionResult result = fx.apply(d, new ExecutionOptions(1, false, false));

    assertThat(result.results())
        .filteredOn(r -> r.resource().equals("after"))
        .singleElement()
        .extracting(ActionResult::status)
        .isEqualTo(ActionResult.Status.NOT_STARTED);
  }

  @Test
  void parallelismBoundIsNeverExceededAndIsUsed() {
    var builder = deployment("wide");
    for (int i = 0; i < 24; i++) {
      builder.resource("core:data", "r" + i, r -> r.property("input", 1).property("delayMs", 15));
    }
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    fx.events.clear();
    var applied =
        fx.engine.planAndApply(
            builder.build(),
            new ExecutionOptions(3, false, true),
            p -> true,
            e -> {
              if (e.kind() != ProgressEvent.Kind.ACTION_UPDATE) {
                return;
              }
              if ("running".equals(e.status())) {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
              } else {
                running.decrementAndGet();
              }
            },
            new Cancellation());

    assertThat(applied.result().success()).isTrue();
    assertThat(peak.get()).isLessThanOrEqualTo(3).isGreaterThanOrEqualTo(2);
  }

  /**
   * core:data changes share calls (one journal transaction pair per call, not per resource), so
   * with parallelism 1 the whole stage is in one call; a delayed change still runs alone.
   */
  @Test
  void quickChangesShareACallAndDelayedOnesRunAlone() {
    var quick = deployment("quick");
    var slow = deployment("slow");
    for (int i = 0; i < 24; i++) {
      quick.resource("core:data", "r" + i, r -> r.property("input", 1));
    }
    for (int i = 0; i < 4; i++) {
      slow.resource("core:data", "r" + i, r -> r.property("input", 1).property("delayMs", 5));
    }
    assertThat(peakRunning(quick.build(), 1)).isEqualTo(24);
    assertThat(peakRunning(slow.build(), 1)).isEqualTo(1);
  }

  private int peakRunning(Deployment d, int parallelism) {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    var applied =
        fx.engine.planAndApply(
            d,
            new ExecutionOptions(parallelism, false, true),
            p -> true,
            e -> {
              if (e.kind() == ProgressEvent.Kind.ACTION_UPDATE) {
                if ("running".equals(e.status())) {
                  peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                } else {
                  running.decrementAndGet();
                }
              }
            },
            new Cancellation());
    assertThat(applied.result().success()).isTrue();
    return peak.get();
  }

  @Test
  void aFailingUndoDoesNotStopTheOtherUndos() {
    Deployment d =
        deployment("undo")
            .resource(
                "core:data", "sticky", r -> r.property("input", 1).property("failOnDelete", true))
            .resource("core:data", "plain", r -> r.property("input", 2).dependsOn("sticky"))
            .resource("core:data", "boom", r -> r.property("failOnCreate", true).dependsOn("plain"))
            .build();

    ExecutionResult result = fx.apply(d, new ExecutionOptions(1, false, true));

    assertThat(result.rollback())
        .extracting(UndoResult::resource)
        .containsExactly("plain", "sticky");
    assertThat(result.rollback().get(0).success()).isTrue();
    assertThat(result.rollback().get(1).success()).isFalse();
    assertThat(result.rollback().get(1).error()).contains("failOnDelete");
    // state stays true: the object that could not be deleted is still recorded
    assertThat(fx.engine.state("undo").resources()).containsOnlyKeys("sticky");
  }

  @Test
  void deletesRunInReverseDependencyOrder() {
    Deployment d =
        deployment("chain")
            .resource("core:data", "a", r -> r.property("input", "x"))
            .resource("core:data", "b", r -> r.property("input", ref("a", "output")))
            .resource("core:data", "c", r -> r.property("input", ref("b", "output")))
            .build();
    fx.apply(d);
    fx.events.clear();

    var destroyed =
        fx.engine.destroy(
            "chain", ExecutionOptions.DEFAULTS, p -> true, fx.events::add, new Cancellation());

    assertThat(destroyed.result().success()).isTrue();
    assertThat(fx.finishedOrder()).containsExactly("c", "b", "a");
    assertThat(fx.engine.state("chain").resources()).isEmpty();
  }

  @Test
  void replacementCreatesTheNewObjectBeforeDeletingTheOldWhereAllowed() {
    fx.apply(
        deployment("swap")
            .resource("core:data", "x", r -> r.property("triggersReplace", 1))
            .build());
    String oldId = fx.engine.state("swap").resource("x").orElseThrow().id();

    Deployment changed =
        deployment("swap")
            .resource("core:data", "x", r -> r.property("triggersReplace", 2))
            .build();
    Plan plan = fx.plan(changed);
    assertThat(plan.action("x").orElseThrow().action()).isEqualTo(ActionType.REPLACE);
    assertThat(plan.action("x").orElseThrow().reason()).contains("triggersReplace");

    ExecutionResult result = fx.apply(changed);
    assertThat(result.success()).isTrue();
    assertThat(fx.engine.state("swap").resource("x").orElseThrow().id()).isNotEqualTo(oldId);
    var kinds =
        fx.store.journal("swap", fx.store.version("swap")).stream().map(e -> e.kind()).toList();
    assertThat(kinds).containsExactly(Change.Kind.CREATE, Change.Kind.DELETE);
  }

  /**
   * x, replaced (create before destroy) when {@code trigger} changes, and y, which changes with it
   * (x's output alone would not change it: core:data's is its input) and fails if {@code failing}.
   */
  private static Deployment swap(String name, int trigger, boolean failing) {
    return deployment(name)
        .resource("core:data", "x", r -> r.property("triggersReplace", trigger))
        .resource(
            "core:data",
            "y",
            r -> {
              r.property("input", List.of(ref("x", "output"), trigger));
              if (failing) {
                r.property("failOnUpdate", true);
              }
            })
        .build();
  }

  /**
   * As Terraform's create_before_destroy: the old object goes after its dependents moved to the new
   * one (a system may refuse to delete what is in use), and when a dependent fails the old object
   * is never deleted and state records it again, its own id included.
   */
  @Test
  void theOldObjectOfAReplacementGoesAfterItsDependentsMoved() {
    fx.apply(swap("moved", 1, false));
    String oldId = fx.engine.state("moved").resource("x").orElseThrow().id();

    ExecutionResult failed = fx.apply(swap("moved", 2, true));
    assertThat(failed.success()).isFalse();
    assertThat(failed.rolledBack()).isTrue();
    var tried =
        fx.store.journal("moved", fx.store.version("moved")).stream()
            .filter(e -> e.phase() == JournalEntry.Phase.APPLY)
            .map(e -> e.kind() + " " + e.resource())
            .toList();
    assertThat(tried).containsExactly("CREATE x", "UPDATE y");
    assertThat(fx.engine.state("moved").resource("x").orElseThrow().id()).isEqualTo(oldId);

    ExecutionResult moved = fx.apply(swap("moved", 2, false));
    assertThat(moved.success()).as(String.valueOf(moved.error())).isTrue();
    var done =
        fx.store.journal("moved", fx.store.version("moved")).stream()
            .map(e -> e.kind() + " " + e.resource())
            .toList();
    assertThat(done).containsExactly("CREATE x", "UPDATE y", "DELETE x");
    assertThat(fx.engine.state("moved").resource("x").orElseThrow().id()).isNotEqualTo(oldId);
    assertThat(fx.engine.state("moved").resources()).containsOnlyKeys("x", "y");
  }

  /**
   * A run that stops between a create-before-destroy replacement's create and its old object's
   * delete (here a dependent failed under --no-rollback; a crash or a cancel stop there too) leaves
   * the old object recorded, deposed, not forgotten on the system: the next plan deletes it, after
   * the dependent that still uses it has moved, as Terraform does with deposed objects.
   */
  @Test
  void anOldObjectLeftByAStoppedRunIsRecordedDeposedAndTheNextRunDeletesIt() {
    fx.apply(swap("deposed", 1, false));
    ResourceRecord old = fx.engine.state("deposed").resource("x").orElseThrow();
    String deposed = Deposed.name("x", old.id());

    ExecutionResult stopped =
        fx.apply(swap("deposed", 2, true), new ExecutionOptions(5, false, false));
    assertThat(stopped.success()).isFalse();
    assertThat(stopped.rolledBack()).isFalse();
    var state = fx.engine.state("deposed");
    assertThat(state.resource("x").orElseThrow().id()).isNotEqualTo(old.id());
    ResourceRecord kept = state.resource(deposed).orElseThrow();
    assertThat(kept.id()).isEqualTo(old.id());
    assertThat(kept.type()).isEqualTo(old.type());
    assertThat(kept.properties()).isEqualTo(old.properties());

    Plan targeted =
        fx.engine.plan(
            swap("deposed", 2, false), new PlanRequest(Set.of("x"), Set.of(), List.of(), false));
    assertThat(targeted.action(deposed).orElseThrow().action())
        .as("targeting x takes its deposed object along")
        .isEqualTo(ActionType.DELETE);

    Plan next = fx.plan(swap("deposed", 2, false));
    PlannedAction delete =
        next.actions().stream().filter(a -> a.name().equals(deposed)).findFirst().orElseThrow();
    assertThat(delete.action()).isEqualTo(ActionType.DELETE);
    assertThat(delete.reason()).contains("deposed").contains("x");
    assertThat(delete.dependencies()).as("it waits for y to move").contains("y");

    ExecutionResult moved = fx.apply(swap("deposed", 2, false));
    assertThat(moved.success()).as(String.valueOf(moved.error())).isTrue();
    var done =
        fx.store.journal("deposed", fx.store.version("deposed")).stream()
            .map(e -> e.kind() + " " + e.resource())
            .toList();
    assertThat(done).containsExactly("UPDATE y", "DELETE " + deposed);
    assertThat(fx.engine.state("deposed").resources()).containsOnlyKeys("x", "y");
    assertThat(fx.plan(swap("deposed", 2, false)).hasChanges()).isFalse();
  }

  @Test
  void aStalePlanIsRefusedNamingWhatChanged() {
    Deployment v1 =
        deployment("stale").resource("core:data", "a", r -> r.property("input", 1)).build();
    Plan old = fx.plan(v1);
    fx.apply(deployment("stale").resource("core:data", "b", r -> r.property("input", 2)).build());

    assertThatThrownBy(
            () ->
                fx.engine.apply(
                    old, ExecutionOptions.DEFAULTS, ProgressListener.NONE, new Cancellation()))
        .isInstanceOf(PlanStaleException.class)
        .hasMessageContaining("version 0")
        .hasMessageContaining("version 1")
        .hasMessageContaining("b");
  }

  @Test
  void aSecondWriterFailsAtOnceNamingTheHolder() {
    Deployment d =
        deployment("locked").resource("core:data", "a", r -> r.property("input", 1)).build();
    try (StateLock held =
        fx.store.lock(
            "locked", new LockInfo("alice", "build-7", 4242, java.time.Instant.now(), "apply"))) {
      assertThatThrownBy(() -> fx.apply(d))
          .isInstanceOf(LockedException.class)
          .hasMessageContaining("alice")
          .hasMessageContaining("build-7")
          .hasMessageContaining("4242");
    }
    assertThat(fx.apply(d).success()).isTrue();
  }

  @Test
  void progressFollowsTheSeedsEventsWithDurations() {
    fx.apply(
        deployment("events")
            .resource("core:data", "a", r -> r.property("input", 1))
            .resource("core:data", "b", r -> r.property("input", ref("a", "output")))
            .build());

    List<String> kinds = fx.events.stream().map(e -> e.kind().label()).distinct().toList();
    assertThat(kinds)
        .containsExactly("start", "stage:start", "action:update", "stage:complete", "complete");
    assertThat(fx.events.get(fx.events.size() - 1).percent()).isEqualTo(100.0);
  }

  @Test
  void everyApplyBumpsTheVersionAndOlderVersionsStayReadable() {
    fx.apply(
        deployment("versions")
            .resource("core:data", "a", r -> r.property("input", "first"))
            .build());
    fx.apply(
        deployment("versions")
            .resource("core:data", "a", r -> r.property("input", "second"))
            .build());

    assertThat(fx.store.version("versions")).isEqualTo(2);
    assertThat(
            fx.store
                .load("versions", 1)
                .orElseThrow()
                .resource("a")
                .orElseThrow()
                .properties()
                .get("input")
                .asText())
        .isEqualTo("first");
    assertThat(
            fx.engine
                .state("versions")
                .resource("a")
                .orElseThrow()
                .properties()
                .get("input")
                .asText())
        .isEqualTo("second");
  }

  @Test
  void cancellingStopsStartingActionsAndRollsBack() {
    var builder = deployment("cancel");
    for (int i = 0; i < 10; i++) {
      String prev = i == 0 ? null : "r" + (i - 1);
      int n = i;
      builder.resource(
          "core:data",
          "r" + i,
          r -> {
            r.property("input", n).property("delayMs", 20);
            if (prev != null) {
              r.dependsOn(prev);
            }
          });
    }
    Cancellation cancel = new Cancellation();
    var applied =
        fx.engine.planAndApply(
            builder.build(),
            ExecutionOptions.DEFAULTS,
            p -> true,
            e -> {
              if ("r2".equals(e.resource()) && "complete".equals(e.status())) {
                cancel.cancel();
              }
            },
            cancel);

    assertThat(applied.result().cancelled()).isTrue();
    assertThat(applied.result().count(ActionResult.Status.NOT_STARTED)).isGreaterThanOrEqualTo(6);
    assertThat(applied.result().rollback())
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(UndoResult::success);
    assertThat(fx.engine.state("cancel").resources()).isEmpty();
  }
}
