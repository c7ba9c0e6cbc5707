package io.mcpiac.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.PendingActivation;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanJson;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.states.JournalEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Activation as a step the engine knows: journalled with its batch, run again by recovery when a
 * crash left it unrecorded, and reported as drift ({@code activate}) when a system holds written
 * but inactive changes.
 */
class ActivationTest {
  @TempDir Path dir;

  private static final String YAML =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: staged}
      spec:
        resources:
          - {type: "staged:item", name: a, properties: {value: one}}
          - {type: "staged:item", name: b, properties: {value: two}}
      """;

  private EngineFixture fixture(StagedProvider p) {
    EngineFixture f = new EngineFixture("sqlite:" + dir.resolve("state.db"));
    f.registry.register("staged", p);
    return f;
  }

  private static Deployment deployment(EngineFixture f) {
    return DeploymentValidator.requireValid(DeploymentLoader.load(YAML, "<test>"), f.registry);
  }

  @Test
  void theActivationIsJournalledWithItsBatchIntentBeforeResultAfter() {
    StagedProvider p = new StagedProvider();
    try (EngineFixture f = fixture(p)) {
      ExecutionResult r = f.apply(deployment(f));
      assertThat(r.success()).isTrue();
      List<JournalEntry> journal = f.store.journal("staged", r.version());
      List<JournalEntry> activations = journal.stream().filter(JournalEntry::isActivation).toList();
      assertThat(activations).hasSize(1);
      JournalEntry act = activations.get(0);
      assertThat(act.resource()).isEqualTo("items");
      assertThat(act.provider()).isEqualTo("staged");
      assertThat(act.status()).isEqualTo(JournalEntry.Status.DONE);
      // written in the same transaction as the batch's change intents, finished after the call
      JournalEntry change = journal.stream().filter(e -> !e.isActivation()).findFirst().get();
      assertThat(act.startedAt()).isBeforeOrEqualTo(change.finishedAt());
      assertThat(act.finishedAt()).isAfterOrEqualTo(act.startedAt());
      assertThat(p.running).isEqualTo(p.saved);
    }
  }

  @Test
  void recoveryActivatesWhatACrashLeftUnrecordedBeforeAnythingElse() {
    StagedProvider p = new StagedProvider();
    try (EngineFixture f = fixture(p)) {
      Deployment d = deployment(f);
      assertThat(f.apply(d).success()).isTrue();
      // a run died after writing to the system, before its activation was recorded
      String id = f.store.load("staged").orElseThrow().resource("a").orElseThrow().id();
      p.saved.put(id, Json.object().put("value", "one"));
      p.saved.put("stray", Json.object().put("value", "x"));
      long version = f.store.beginVersion("staged");
      f.store.journalIntents(
          List.of(JournalEntry.activation("staged", version, "staged", "items")));
      p.activations.clear();

      Plan plan = f.plan(d); // takes the lock, which recovers first

      assertThat(p.activations).containsExactly(List.of("items"));
      assertThat(p.running).isEqualTo(p.saved);
      assertThat(f.store.unfinished("staged")).isEmpty();
      assertThat(f.store.journal("staged", version))
          .filteredOn(JournalEntry::isActivation)
          .extracting(JournalEntry::status)
          .containsExactly(JournalEntry.Status.RECONCILED);
      assertThat(plan.activations()).isEmpty();
    }
  }

  /**
   * Applies {@code d} while the system refuses to activate: the batch fails as a whole (its writes
   * stay saved), and the engine's second try fails too, so the journal's last activation of {@code
   * items} is FAILED.
   */
  private static void applyWhileActivationFails(EngineFixture f, Deployment d, StagedProvider p) {
    p.failActivation = true;
    assertThat(f.apply(d).success()).isFalse();
    p.failActivation = false;
    assertThat(p.running).isNotEqualTo(p.saved);
  }

  /**
   * The scope is {@code activate} drift; the next apply activates it first, and then all is live.
   */
  private static void assertPendingUntilTheNextApply(
      EngineFixture f, Deployment d, StagedProvider p) {
    assertThat(f.plan(d).activations()).containsExactly(new PendingActivation("staged", "items"));
    assertThat(f.apply(d).success()).isTrue();
    assertThat(p.running).isEqualTo(p.saved);
    assertThat(f.plan(d).hasChanges()).isFalse();
  }

  @Test
  void aFailedActivationIsDriftWhoseOneActionIsActivateUntilOneSucceeds() {
    StagedProvider p = new StagedProvider();
    try (EngineFixture f = fixture(p)) {
      Deployment d = deployment(f);
      applyWhileActivationFails(f, d, p);
      assertThat(f.store.unfinished("staged")).isEmpty();

      Plan plan = f.plan(d);
      assertThat(plan.activations()).containsExactly(new PendingActivation("staged", "items"));
      assertThat(plan.actions()).allMatch(a -> !a.changesSomething()); // every object matches
      assertThat(plan.hasChanges()).isTrue();
      assertThat(plan.hasDrift()).isTrue();
      assertThat(plan.summary()).endsWith("1 scope to activate.");
      assertThat(new PlanRenderer(false).render(plan))
          .contains("staged items: changes written but not active (action: activate)")
          .contains("activate staged items");
      assertThat(PlanJson.of(plan).path("activations").get(0).path("scope").asText())
          .isEqualTo("items");

      ExecutionResult r = f.apply(d);
      assertThat(r.success()).isTrue();
      assertThat(p.running).isEqualTo(p.saved);
      assertThat(f.store.journal("staged", r.version()))
          .filteredOn(JournalEntry::isActivation)
          .extracting(JournalEntry::status)
          .containsExactly(JournalEntry.Status.DONE);
      assertThat(f.plan(d).hasChanges()).isFalse();
    }
  }

  @Test
  void aScopeWhoseEveryChangeFailedStaysDriftUntilAnActivationSucceeds() {
    StagedProvider p = new StagedProvider();
    try (EngineFixture f = fixture(p)) {
      Deployment d = deployment(f);
      p.failActivationTakingBack = true;
      ExecutionResult failed = f.apply(d);
      assertThat(failed.success()).isFalse();
      assertThat(f.store.journal("staged", failed.version()))
          .filteredOn(JournalEntry::isActivation)
          .extracting(JournalEntry::status)
          .containsExactly(JournalEntry.Status.FAILED);
      p.failActivationTakingBack = false;

      // the provider's take-back is itself written: the scope may hold what is not active
      assertPendingUntilTheNextApply(f, d, p);
    }
  }

  @Test
  void anInterruptedActivationThatRecoveryCannotRunStaysDrift() {
    StagedProvider p = new StagedProvider();
    try (EngineFixture f = fixture(p)) {
      Deployment d = deployment(f);
      assertThat(f.apply(d).success()).isTrue();
      // a run died between its write and its activation, and the system still refuses it
      String id = f.store.load("staged").orElseThrow().resource("a").orElseThrow().id();
      p.saved.put(id, Json.object().put("value", "one"));
      long version = f.store.beginVersion("staged");
      f.store.journalIntents(
          List.of(JournalEntry.activation("staged", version, "staged", "items")));
      p.failActivation = true;

      Plan plan = f.plan(d); // recovery tries once, and fails

      assertThat(f.store.unfinished("staged")).isEmpty();
      assertThat(plan.activations()).containsExactly(new PendingActivation("staged", "items"));
      p.failActivation = false;
      assertPendingUntilTheNextApply(f, d, p);
    }
  }

  @Test
  void aSavedButUnactivatedEditMadeOutsideMcpIacIsNotSeen() {
    StagedProvider p = new StagedProvider();
    try (EngineFixture f = fixture(p)) {
      Deployment d = deployment(f);
      assertThat(f.apply(d).success()).isTrue();
      // what is saved but never activated outside mcp-iac is not known to it
      p.saved.put("from-the-gui", Json.object().put("value", "x"));
      assertThat(f.plan(d).activations()).isEmpty();
      assertThat(f.plan(d).hasChanges()).isFalse();
    }
  }

  @Test
  void anActivationThatFailsFailsTheApplyAndStaysDrift() {
    StagedProvider p = new StagedProvider();
    try (EngineFixture f = fixture(p)) {
      Deployment d = deployment(f);
      applyWhileActivationFails(f, d, p);
      p.failActivation = true;
      assertThatThrownBy(() -> f.apply(d))
          .hasMessageContaining("could not activate staged items")
          .hasMessageContaining("refused the new configuration");
      assertThat(f.store.unfinished("staged")).isEmpty();
      p.failActivation = false;
      assertThat(f.plan(d).activations()).hasSize(1);
    }
  }
}
