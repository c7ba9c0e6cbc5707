package io.mcpiac.engine;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.Outputs;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.Executor;
import io.mcpiac.engine.execution.JournalRecovery;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.LiveRead;
import io.mcpiac.engine.plans.PendingActivation;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRequest;
import io.mcpiac.engine.plans.PlanStaleException;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.Planner;
import io.mcpiac.engine.plans.Targeting;
import io.mcpiac.engine.plans.VanishGuard;
import io.mcpiac.engine.policies.PolicyHook;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.refresh.RefreshPlan;
import io.mcpiac.engine.refresh.RefreshPlanner;
import io.mcpiac.engine.refresh.RefreshWriter;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateEdits;
import io.mcpiac.engine.states.StateLock;
import io.mcpiac.engine.states.StateStore;
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
  private final PolicyHook policies;

  public Engine(ProviderRegistry registry, StateStore store) {
    this(registry, store, PolicyHook.NONE);
  }

  private Engine(ProviderRegistry registry, StateStore store, PolicyHook policies) {
    this.registry = registry;
    this.store = store;
    this.policies = policies;
  }

  /**
   * The same engine (same providers, same state) with {@code policies} reviewing every plan it
   * makes and every action whose values were unknown at plan time.
   */
  public Engine reviewedBy(PolicyHook policies) {
    return new Engine(registry, store, policies);
  }

  private Executor executor() {
    return new Executor(registry, store, policies);
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

  /**
   * A planner that knows which activation scopes of {@code deployment} the journal holds as not
   * activated: they are planned as {@code activate} drift.
   */
  private Planner planner(String deployment) {
    List<PendingActivation> pending = new ArrayList<>();
    for (JournalEntry e : store.unactivated(deployment)) {
      pending.add(new PendingActivation(e.provider(), e.resource()));
    }
    return new Planner(registry, this::outputsOf, pending);
  }

  public DeploymentState state(String deployment) {
    return store.load(deployment).orElse(DeploymentState.empty(deployment));
  }

  /** A plan for {@code deployment}; changes nothing but the recovery of a crashed apply. */
  public Plan plan(Deployment deployment) {
    return plan(deployment, false);
  }

  /**
   * @param force plan even when most recorded objects of a provider instance are gone (see {@link
   *     VanishGuard})
   */
  public Plan plan(Deployment deployment, boolean force) {
    try (StateLock ignored = lock(deployment.name(), "plan")) {
      return policies.review(
          planner(deployment.name()).plan(deployment, state(deployment.name()), force));
    }
  }

  /** A plan with Terraform's planning options: targets, forced replacements, renames. */
  public Plan plan(Deployment deployment, PlanRequest request) {
    try (StateLock ignored = lock(deployment.name(), "plan")) {
      return plan(deployment, moved(deployment.name(), request), request, false);
    }
  }

  private StateEdits.Moved moved(String deployment, PlanRequest request) {
    return StateEdits.applyMoves(state(deployment), request.moves());
  }

  private Plan plan(
      Deployment deployment, StateEdits.Moved moved, PlanRequest request, boolean force) {
    requireKnown(deployment, moved.state(), request.targets(), "--target");
    requireKnown(deployment, moved.state(), request.replace(), "--replace");
    Plan plan =
        planner(deployment.name())
            .replacing(request.replace())
            .plan(deployment, moved.state(), force || request.force());
    if (moved.any()) {
      plan =
          plan.withWarningsFirst(
              moved.notes().stream().map(io.mcpiac.engine.plans.PlanWarning::note).toList());
    }
    return policies.review(Targeting.restrict(plan, request.targets()));
  }

  private static void requireKnown(
      Deployment deployment, DeploymentState recorded, Set<String> names, String option) {
    Set<String> known = new TreeSet<>(recorded.resources().keySet());
    deployment.resources().forEach(r -> known.add(r.name()));
    for (String name : names) {
      if (!known.contains(name)) {
        throw new io.mcpiac.engine.errors.NotFoundException(
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
      Plan plan = plan(deployment, moved, request, forced(options));
      boolean go = plan.hasChanges() && approve.test(plan);
      if (moved.any() && (go || !plan.hasChanges())) {
        store.importState(moved.state(), List.of());
      }
      if (!go) {
        return remember(deployment, new Applied(plan, null));
      }
      return remember(
          deployment, new Applied(plan, executor().execute(plan, options, listener, cancel)));
    }
  }

  /**
   * Keeps the configuration a deployment now matches (applied without a failure, or nothing to do),
   * for the checkpoints made after it.
   */
  private Applied remember(Deployment deployment, Applied applied) {
    boolean matches = applied.applied() ? applied.result().success() : !applied.plan().hasChanges();
    long version = store.version(deployment.name());
    if (matches && version > 0) {
      store.recordConfiguration(
          deployment.name(),
          version,
          io.mcpiac.engine.checkpoints.CheckpointConfiguration.of(deployment, registry));
    }
    return applied;
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

  /** A planner that reads other deployments' outputs from this engine's state. */
  /** The recorded outputs of a deployment, for {@code ${deployment:NAME.outputs.x}}. */
  public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> outputsOf(
      String deployment) {
    return store
        .load(deployment)
        .flatMap(s -> s.resource(Outputs.RESOURCE))
        .map(r -> Outputs.values(r.properties()));
  }

  public Plan planDestroy(String deployment) {
    return planDestroy(deployment, false);
  }

  /** {@code force}: plan even when most recorded objects of a provider instance are gone. */
  public Plan planDestroy(String deployment, boolean force) {
    try (StateLock ignored = lock(deployment, "plan destroy")) {
      return planner(deployment).planDestroy(state(deployment), force);
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
      ExecutionResult result = executor().execute(plan, options, listener, cancel);
      if (plan.deployment() != null) {
        remember(plan.deployment(), new Applied(plan, result));
      }
      return result;
    }
  }

  /**
   * Applies a plan made with renames ({@link PlanRequest#moves}) in another call, as MCP clients
   * do: under one lock, the renames become a new state version (a rename is not a destroy and a
   * create), then the plan's actions run. A plan without actions records only the renames and
   * returns empty.
   */
  public java.util.Optional<ExecutionResult> apply(
      Plan plan,
      List<io.mcpiac.engine.config.Move> moves,
      ExecutionOptions options,
      ProgressListener listener,
      Cancellation cancel) {
    try (StateLock ignored = lock(plan.deploymentName(), "apply")) {
      verifyFresh(plan, moves);
      StateEdits.Moved moved = StateEdits.applyMoves(state(plan.deploymentName()), moves);
      if (moved.any()) {
        store.importState(moved.state(), List.of());
      }
      return plan.hasChanges()
          ? java.util.Optional.of(executor().execute(plan, options, listener, cancel))
          : java.util.Optional.empty();
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
      Plan plan =
          policies.review(
              planner(deployment.name())
                  .plan(deployment, state(deployment.name()), forced(options)));
      return remember(deployment, run(plan, options, approve, listener, cancel));
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
      Plan plan = planner(deployment).planDestroy(state(deployment), forced(options));
      return run(plan, options, approve, listener, cancel);
    }
  }

  /** Whether the user accepted that most recorded objects of an instance are gone. */
  public static boolean forced(ExecutionOptions options) {
    return options.acceptedRisks().contains(VanishGuard.RISK);
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
    return new Applied(plan, executor().execute(plan, options, listener, cancel));
  }

  /** A plan and, when it was applied, the result. */
  public record Applied(Plan plan, ExecutionResult result) {
    public boolean applied() {
      return result != null;
    }
  }

  /**
   * Reads what really exists, reports drift and records the live outputs (and properties the
   * provider reads) so state is true again, without asking. Returns the drift found.
   */
  public List<PlannedAction> refresh(String deployment) {
    return refresh(deployment, false, p -> true).plan().drifted();
  }

  /** What a refresh would write, without writing it ({@code plan --refresh-only}). */
  public RefreshPlan planRefresh(String deployment, boolean force) {
    try (StateLock ignored = lock(deployment, "plan refresh")) {
      return RefreshPlanner.plan(registry, state(deployment), force);
    }
  }

  /**
   * A refresh as a plan: works out what it would record, lets {@code approve} see it (the
   * terminal's question), and writes it as one new state version, all under one lock. When most
   * recorded objects of a provider instance are gone it stops unless {@code force} (see {@link
   * VanishGuard}).
   */
  public Refreshed refresh(String deployment, boolean force, Predicate<RefreshPlan> approve) {
    try (StateLock ignored = lock(deployment, "refresh")) {
      RefreshPlan plan = RefreshPlanner.plan(registry, state(deployment), force);
      if (!plan.hasChanges() || !approve.test(plan)) {
        return new Refreshed(plan, -1);
      }
      return new Refreshed(plan, RefreshWriter.write(store, plan));
    }
  }

  /** A refresh plan and, when it was written, the new state version (else -1). */
  public record Refreshed(RefreshPlan plan, long version) {
    public boolean written() {
      return version >= 0;
    }
  }

  private void verifyFresh(Plan plan) {
    verifyFresh(plan, List.of());
  }

  /** As above for a plan made with {@code moves}: the live read is keyed by the new names. */
  private void verifyFresh(Plan plan, List<io.mcpiac.engine.config.Move> moves) {
    DeploymentState recorded = state(plan.deploymentName());
    if (recorded.version() != plan.stateVersion()) {
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
              + recorded.version()
              + ": another apply ran since"
              + changedNames(then.resources(), recorded.resources())
              + ". Make a new plan.");
    }
    DeploymentState now =
        moves.isEmpty() ? recorded : StateEdits.applyMoves(recorded, moves).state();
    LiveRead live = LiveRead.of(registry, now.resources().values());
    if (!live.fingerprint().equals(plan.fingerprint())) {
      Plan fresh = planner(plan.deploymentName()).plan(plan.deployment(), now, live);
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
