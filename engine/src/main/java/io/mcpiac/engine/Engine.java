package io.mcpiac.engine;

import io.mcpiac.engine.checkpoints.CheckpointManager;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.Executor;
import io.mcpiac.engine.execution.JournalRecovery;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.LiveRead;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRequest;
import io.mcpiac.engine.plans.PlanStaleException;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.Planner;
import io.mcpiac.engine.plans.Targeting;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateEdits;
import io.mcpiac.engine.states.StateLock;
import io.mcpiac.engine.states.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What the command line and the MCP servers do with a deployment, each step under the deployment's
 * write lock: recover what a crash left unfinished, plan, check a saved plan is not stale, apply.
 * Validation happens before (see {@code DeploymentValidator}).
 */
public final class Engine {
  private final ProviderRegistry registry;
  private final StateStore store;

  public Engine(ProviderRegistry registry, StateStore store) {
    this.registry = registry;
    this.store = store;
  }

  public ProviderRegistry registry() {
    return registry;
  }

  public StateStore store() {
    return store;
  }

  public CheckpointManager checkpoints() {
    return new CheckpointManager(this);
  }

  /** Locks the deployment for one operation, recovering unfinished journal entries first. */
  public StateLock lock(String deployment, String operation) {
    StateLock lock = store.lock(deployment, LockInfo.current(operation));
    try {
      new JournalRecovery(registry, store).recover(deployment);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    return lock;
  }

  public DeploymentState state(String deployment) {
    return store.load(deployment).orElse(DeploymentState.empty(deployment));
  }

  /** A plan for {@code deployment}; changes nothing but the recovery of a crashed apply. */
  public Plan plan(Deployment deployment) {
    try (StateLock ignored = lock(deployment.name(), "plan")) {
      return new Planner(registry).plan(deployment, state(deployment.name()));
    }
  }

  /** A plan with Terraform's planning options: targets, forced replacements, renames. */
  public Plan plan(Deployment deployment, PlanRequest request) {
    try (StateLock ignored = lock(deployment.name(), "plan")) {
      return plan(deployment, moved(deployment.name(), request), request);
    }
  }

  private StateEdits.Moved moved(String deployment, PlanRequest request) {
    return StateEdits.applyMoves(state(deployment), request.moves());
  }

  private Plan plan(Deployment deployment, StateEdits.Moved moved, PlanRequest request) {
    requireKnown(deployment, moved.state(), request.targets(), "--target");
    requireKnown(deployment, moved.state(), request.replace(), "--replace");
    Plan plan = new Planner(registry).replacing(request.replace()).plan(deployment, moved.state());
    if (moved.any()) {
      List<String> warnings = new ArrayList<>(moved.notes());
      warnings.addAll(plan.warnings());
      plan =
          new Plan(
              plan.id(),
              plan.deploymentName(),
              plan.createdAt(),
              plan.stateVersion(),
              plan.fingerprint(),
              plan.actions(),
              plan.stages(),
              plan.deployment(),
              warnings);
    }
    return Targeting.restrict(plan, request.targets());
  }

  private static void requireKnown(
      Deployment deployment, DeploymentState recorded, Set<String> names, String option) {
    Set<String> known = new TreeSet<>(recorded.resources().keySet());
    deployment.resources().forEach(r -> known.add(r.name()));
    for (String name : names) {
      if (!known.contains(name)) {
        throw new java.util.NoSuchElementException(
            option
                + " "
                + name
                + ": deployment '"
                + deployment.name()
                + "' has no resource of that name"
                + io.mcpiac.engine.config.Suggestions.didYouMean(name, known));
      }
    }
  }

  /**
   * As {@link #planAndApply(Deployment, ExecutionOptions, Predicate, ProgressListener,
   * Cancellation)} with planning options. The file's renames are written to state (as a new
   * version) only once the plan is approved, or when it has nothing else to do.
   */
  public Applied planAndApply(
      Deployment deployment,
      PlanRequest request,
      ExecutionOptions options,
      Predicate<Plan> approve,
      ProgressListener listener,
      Cancellation cancel) {
    try (StateLock ignored = lock(deployment.name(), "apply")) {
      StateEdits.Moved moved = moved(deployment.name(), request);
      Plan plan = plan(deployment, moved, request);
      boolean go = plan.hasChanges() && approve.test(plan);
      if (moved.any() && (go || !plan.hasChanges())) {
        store.importState(moved.state(), List.of());
      }
      if (!go) {
        return new Applied(plan, null);
      }
      return new Applied(
          plan, new Executor(registry, store).execute(plan, options, listener, cancel));
    }
  }

  /** {@code state rm}: forgets resources; their objects stay on the systems. New state version. */
  public DeploymentState forget(String deployment, java.util.Collection<String> names) {
    try (StateLock ignored = lock(deployment, "state rm")) {
      DeploymentState edited = StateEdits.forget(state(deployment), names);
      store.importState(edited, List.of());
      return state(deployment);
    }
  }

  /** {@code state mv}: renames a recorded resource; its object stays. New state version. */
  public DeploymentState move(String deployment, String from, String to) {
    try (StateLock ignored = lock(deployment, "state mv")) {
      DeploymentState edited = StateEdits.move(state(deployment), from, to);
      store.importState(edited, List.of());
      return state(deployment);
    }
  }

  public Plan planDestroy(String deployment) {
    try (StateLock ignored = lock(deployment, "plan destroy")) {
      return new Planner(registry).planDestroy(state(deployment));
    }
  }

  /**
   * Applies a plan made earlier (possibly in another process). Refused when state or the live
   * systems moved on since; the message says what changed.
   */
  public ExecutionResult apply(
      Plan plan, ExecutionOptions options, ProgressListener listener, Cancellation cancel) {
    try (StateLock ignored = lock(plan.deploymentName(), "apply")) {
      verifyFresh(plan);
      return new Executor(registry, store).execute(plan, options, listener, cancel);
    }
  }

  /**
   * Plans and applies under one lock. {@code approve} sees the plan first and may refuse it (the
   * terminal's confirmation); a plan without changes is not applied.
   */
  public Applied planAndApply(
      Deployment deployment,
      ExecutionOptions options,
      Predicate<Plan> approve,
      ProgressListener listener,
      Cancellation cancel) {
    try (StateLock ignored = lock(deployment.name(), "apply")) {
      Plan plan = new Planner(registry).plan(deployment, state(deployment.name()));
      return run(plan, options, approve, listener, cancel);
    }
  }

  /** Destroys everything recorded for the deployment, under one lock. */
  public Applied destroy(
      String deployment,
      ExecutionOptions options,
      Predicate<Plan> approve,
      ProgressListener listener,
      Cancellation cancel) {
    try (StateLock ignored = lock(deployment, "destroy")) {
      Plan plan = new Planner(registry).planDestroy(state(deployment));
      return run(plan, options, approve, listener, cancel);
    }
  }

  /** Runs a plan the caller made under the lock it holds. */
  public Applied run(
      Plan plan,
      ExecutionOptions options,
      Predicate<Plan> approve,
      ProgressListener listener,
      Cancellation cancel) {
    if (!plan.hasChanges() || !approve.test(plan)) {
      return new Applied(plan, null);
    }
    return new Applied(
        plan, new Executor(registry, store).execute(plan, options, listener, cancel));
  }

  /** A plan and, when it was applied, the result. */
  public record Applied(Plan plan, ExecutionResult result) {
    public boolean applied() {
      return result != null;
    }
  }

  /**
   * Reads what really exists, reports drift and records the live outputs (and properties the
   * provider reads) so state is true again. Returns the drift found.
   */
  public List<PlannedAction> refresh(String deployment) {
    try (StateLock ignored = lock(deployment, "refresh")) {
      DeploymentState recorded = state(deployment);
      LiveRead live = LiveRead.of(registry, recorded.resources().values());
      Plan view =
          new Planner(registry)
              .plan(
                  CheckpointManager.asDeployment(deployment, recorded.resources().values()),
                  recorded,
                  live);
      List<PlannedAction> drifted = new ArrayList<>();
      long version = -1;
      for (PlannedAction a : view.actions()) {
        ResourceRecord r = recorded.resources().get(a.name());
        var actual = live.get(a.name());
        if (r == null) {
          continue;
        }
        boolean outputsMoved =
            actual != null
                && actual.outputs() != null
                && !Json.sameValue(actual.outputs(), r.outputs());
        if (a.drift().isEmpty() && !outputsMoved) {
          continue;
        }
        if (!a.drift().isEmpty()) {
          drifted.add(a);
        }
        if (version < 0) {
          version = store.beginVersion(deployment);
        }
        var entry =
            store
                .journalIntents(
                    List.of(
                        new JournalEntry(
                            0,
                            deployment,
                            version,
                            "refresh",
                            Change.Kind.UPDATE,
                            r.name(),
                            r.type(),
                            r.provider(),
                            r.id(),
                            Json.MAPPER.valueToTree(r),
                            JournalEntry.Status.INTENT,
                            null,
                            Instant.now(),
                            null)))
                .get(0);
        if (actual == null) {
          store.journalFinish(
              entry.id(), JournalEntry.Status.DONE, null, deployment, version, null, r.name());
        } else {
          var props = Json.copy(r.properties());
          a.drift().forEach(d -> props.set(d.path(), d.after()));
          ResourceRecord updated =
              new ResourceRecord(
                  r.name(),
                  r.type(),
                  r.provider(),
                  r.id(),
                  props,
                  actual.outputs() != null ? actual.outputs() : r.outputs(),
                  r.dependencies(),
                  r.state());
          store.journalFinish(
              entry.id(), JournalEntry.Status.DONE, null, deployment, version, updated, null);
        }
      }
      return drifted;
    }
  }

  private void verifyFresh(Plan plan) {
    DeploymentState now = state(plan.deploymentName());
    if (now.version() != plan.stateVersion()) {
      DeploymentState then =
          store
              .load(plan.deploymentName(), plan.stateVersion())
              .orElse(DeploymentState.empty(plan.deploymentName()));
      throw new PlanStaleException(
          "the plan "
              + plan.id()
              + " was made from state version "
              + plan.stateVersion()
              + " of '"
              + plan.deploymentName()
              + "', which is now at version "
              + now.version()
              + ": another apply ran since"
              + changedNames(then.resources(), now.resources())
              + ". Make a new plan.");
    }
    LiveRead live = LiveRead.of(registry, now.resources().values());
    if (!live.fingerprint().equals(plan.fingerprint())) {
      Plan fresh = new Planner(registry).plan(plan.deployment(), now, live);
      List<String> differing = new ArrayList<>();
      for (PlannedAction a : fresh.actions()) {
        PlannedAction before = plan.action(a.name()).orElse(null);
        if (before == null
            || before.action() != a.action()
            || !Objects.equals(before.changes(), a.changes())
            || !a.drift().isEmpty()) {
          differing.add(a.name());
        }
      }
      throw new PlanStaleException(
          "what really exists changed since the plan "
              + plan.id()
              + " was made"
              + (differing.isEmpty() ? "" : " (" + String.join(", ", differing) + ")")
              + ". Make a new plan.");
    }
  }

  private static String changedNames(
      Map<String, ResourceRecord> then, Map<String, ResourceRecord> now) {
    TreeSet<String> names = new TreeSet<>();
    then.forEach(
        (n, r) -> {
          ResourceRecord other = now.get(n);
          if (other == null
              || !Json.sameValue(Json.MAPPER.valueToTree(r), Json.MAPPER.valueToTree(other))) {
            names.add(n);
          }
        });
    now.keySet().stream().filter(n -> !then.containsKey(n)).forEach(names::add);
    return names.isEmpty() ? "" : " (changed: " + String.join(", ", names) + ")";
  }
}
