package io.mcpiac.engine.execution;

import io.mcpiac.engine.config.Outputs;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.dag.DependencyGraph;
import io.mcpiac.engine.plans.ActionGraph;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.policies.PolicyHook;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.Risk;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateDamagedException;
import io.mcpiac.engine.states.StateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Applies a plan: every provider instance checks its actions first ({@code preflight}), pending
 * activations run, then the {@link Scheduler} walks the action graph, each batch becomes {@link
 * StepPlanner steps} run as {@link JournalledCall journalled calls}, and when anything failed (and
 * {@code rollbackOnFailure}) the {@link Rollback} undoes what completed. Progress goes out through
 * a {@link ProgressEmitter}.
 *
 * <p>The caller holds the deployment's lock and has checked that the plan is not stale.
 */
public final class Executor {
  private final ProviderRegistry registry;
  private final StateStore store;
  private final PolicyHook policies;

  public Executor(ProviderRegistry registry, StateStore store) {
    this(registry, store, PolicyHook.NONE);
  }

  /**
   * @param policies checked again before each action whose planned values were unknown at plan time
   */
  public Executor(ProviderRegistry registry, StateStore store, PolicyHook policies) {
    this.registry = registry;
    this.store = store;
    this.policies = policies;
  }

  public ExecutionResult execute(Plan plan, ExecutionOptions options, ProgressListener listener) {
    return execute(plan, options, listener, new Cancellation());
  }

  public ExecutionResult execute(
      Plan plan, ExecutionOptions options, ProgressListener listener, Cancellation cancellation) {
    return new Run(plan, options, cancellation).run(listener);
  }

  private final class Run {
    private final Plan plan;
    private final ExecutionOptions options;
    private final Cancellation cancellation;
    private final Map<String, ActionNode> nodes = new LinkedHashMap<>();
    private final DependencyGraph graph;

    /**
     * The old object of each create-before-destroy replacement that has dependents, by resource:
     * deleted only once the dependents have moved to the new one (Terraform's order), since a
     * system may refuse to delete what is still in use (OPNsense: a certificate a frontend serves).
     */
    private final Map<String, Step> deferredDeletes = new ConcurrentHashMap<>();

    private final StateDamage damage = new StateDamage();
    private final Rollback rollback = new Rollback();
    private final long startNanos = System.nanoTime();
    private AppliedValues values;
    private StepPlanner steps;
    private JournalledCall calls;
    private long version;

    Run(Plan plan, ExecutionOptions options, Cancellation cancellation) {
      this.plan = plan;
      this.options = options;
      this.cancellation = cancellation;
      this.graph = ActionGraph.of(plan.actions());
    }

    ExecutionResult run(ProgressListener listener) {
      prepare();
      preflight();
      version = store.beginVersion(plan.deploymentName());
      // changes written earlier but never activated go live before anything new is written
      new Activations(registry, store)
          .runPending(plan.activations(), plan.deploymentName(), version);
      calls =
          new JournalledCall(
              registry,
              store,
              plan.deploymentName(),
              version,
              damage,
              rollback,
              new UntouchedSecrets(plan, registry, values));
      try (ProgressEmitter progress = new ProgressEmitter(listener, nodes.size())) {
        progress.run(ProgressEvent.Kind.START, null, 0, "applying plan " + plan.id(), 0);
        Scheduler scheduler = new Scheduler(graph, nodes, options, cancellation, damage, progress);
        cancellation.onCancel(scheduler::wake);
        walk(scheduler);
        Scheduler.Outcome walked = scheduler.outcome();
        boolean deleteFailed = runDeferredDeletes(walked, progress);
        return finish(walked, deleteFailed, progress);
      }
    }

    private void prepare() {
      Map<String, ResourceConfig> configs = new HashMap<>();
      plan.deployment().resources().forEach(r -> configs.put(r.name(), r));
      for (PlannedAction a : plan.actions()) {
        if (!a.changesSomething()) {
          continue;
        }
        Provider provider = registry.providerFor(a.type(), a.provider());
        ResourceType type =
            provider
                .resourceType(a.type())
                .orElseThrow(() -> new IllegalStateException("unknown type " + a.type()));
        nodes.put(a.name(), new ActionNode(a, configs.get(a.name()), provider, type));
      }
      values =
          new AppliedValues(
              plan,
              registry,
              nodes,
              name ->
                  store
                      .load(name)
                      .flatMap(s -> s.resource(Outputs.RESOURCE))
                      .map(r -> Outputs.values(r.properties())));
      Map<String, ResourceRecord> recorded = new HashMap<>();
      store.load(plan.deploymentName()).ifPresent(s -> recorded.putAll(s.resources()));
      steps = new StepPlanner(registry, plan.deploymentName(), recorded);
    }

    /** Every provider instance looks at its actions first; unaccepted risks stop everything. */
    private void preflight() {
      Map<Provider, List<PlannedAction>> byProvider = new LinkedHashMap<>();
      for (ActionNode n : nodes.values()) {
        byProvider.computeIfAbsent(n.provider, p -> new ArrayList<>()).add(n.action);
      }
      List<Risk> refused = new ArrayList<>();
      byProvider.forEach(
          (provider, actions) ->
              provider.preflight(actions.stream().map(PlannedAction::forProvider).toList()).stream()
                  .filter(r -> !options.acceptedRisks().contains(r.code()))
                  .forEach(refused::add));
      if (!refused.isEmpty()) {
        throw new RiskRefusedException(refused);
      }
    }

    private void walk(Scheduler scheduler) {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.max(1, Math.min(options.parallelism(), Math.max(1, nodes.size()))),
              r -> {
                Thread t = new Thread(r, "mcp-iac-apply");
                t.setDaemon(true);
                return t;
              });
      try {
        scheduler.walk(pool, this::runBatch);
      } finally {
        pool.shutdown();
      }
    }

    /** One batch on a worker: resolve, plan the calls, run them; replacements in two rounds. */
    private void runBatch(List<ActionNode> batch) {
      try {
        List<Step> first = new ArrayList<>();
        List<Step> second = new ArrayList<>();
        for (ActionNode n : batch) {
          try {
            n.resolved = values.resolve(n);
            requirePolicies(n);
            steps.plan(n, first, second);
          } catch (RuntimeException ex) {
            n.fail(ex.getMessage());
          }
        }
        runByProvider(first);
        List<Step> now = new ArrayList<>();
        for (Step s : second) {
          if (s.node().status != null) {
            continue;
          }
          if (s.change().kind() == Change.Kind.DELETE
              && !graph.dependentsOf(s.node().name()).isEmpty()) {
            deferredDeletes.put(s.node().name(), s);
          } else {
            now.add(s);
          }
        }
        runByProvider(now);
      } catch (RuntimeException unexpected) {
        if (unexpected instanceof StateDamagedException sd) {
          damage.record(sd);
        }
        batch.forEach(n -> n.failUnlessDone(String.valueOf(unexpected.getMessage())));
      }
    }

    /**
     * A value unknown at plan time (an output of a resource created in this run) is checked against
     * the policies once known, before the action that would write it: a mandatory violation fails
     * the action, and the run rolls back as for any failure.
     */
    private void requirePolicies(ActionNode n) {
      if (n.resolved == null
          || n.action.properties() == null
          || !io.mcpiac.engine.resources.Values.containsUnknown(n.action.properties())) {
        return;
      }
      List<io.mcpiac.engine.policies.PolicyViolation> found =
          policies.beforeAction(n.action, n.resolved);
      if (!found.isEmpty()) {
        throw new io.mcpiac.engine.policies.PolicyViolationException(found);
      }
    }

    /**
     * The old objects of create-before-destroy replacements, deleted after the walk, dependents'
     * old objects first. Not when the run rolls back (undoing the creates leaves the old objects
     * where they are, still in use), nor where a dependent did not complete (it may still use the
     * old one): state keeps such an old object {@link io.mcpiac.engine.states.Deposed deposed}, and
     * the next plan deletes it. True when a delete failed: its resource is failed and the run rolls
     * back.
     */
    private boolean runDeferredDeletes(Scheduler.Outcome walked, ProgressEmitter progress) {
      if (deferredDeletes.isEmpty()
          || cancellation.isCancelled()
          || damage.happened()
          || (walked.failed() && options.rollbackOnFailure())) {
        return false;
      }
      List<String> order = graph.order();
      for (int i = order.size() - 1; i >= 0; i--) {
        Step delete = deferredDeletes.get(order.get(i));
        if (delete == null || !dependentsComplete(delete.node())) {
          continue;
        }
        runByProvider(List.of(delete));
        ActionNode n = delete.node();
        if (n.status == ActionResult.Status.FAILED) {
          progress.action(n, "failed", n.durationMs, n.error, walked.finished());
          return true;
        }
      }
      return false;
    }

    private boolean dependentsComplete(ActionNode n) {
      for (String d : graph.dependentsOf(n.name())) {
        if (nodes.get(d).status != ActionResult.Status.COMPLETE) {
          return false;
        }
      }
      return true;
    }

    private void runByProvider(List<Step> batch) {
      Map<Provider, List<Step>> groups = new LinkedHashMap<>();
      for (Step s : batch) {
        groups.computeIfAbsent(s.provider(), p -> new ArrayList<>()).add(s);
      }
      groups.forEach(calls::run);
    }

    private ExecutionResult finish(
        Scheduler.Outcome walked, boolean deleteFailed, ProgressEmitter progress) {
      boolean failed = walked.failed() || deleteFailed;
      boolean cancelled = cancellation.isCancelled();
      boolean undo = (failed || cancelled || damage.happened()) && options.rollbackOnFailure();
      undo = undo && damage.allowsUndo();
      List<UndoResult> undone = new ArrayList<>();
      if (undo) {
        Undoer undoer = new Undoer(registry, store, plan.deploymentName(), version, damage);
        undone = rollback.run(undoer, progress, walked.finished());
      }
      if (!failed && !damage.happened() && !cancelled) {
        verifyState();
      }
      List<ActionResult> results = nodes.values().stream().map(ActionNode::result).toList();
      boolean success = !failed && !cancelled && !damage.happened();
      String error = null;
      if (damage.happened()) {
        error = damage.report(store, plan.deploymentName(), undo, results);
      } else if (!success) {
        error = cancelled ? "cancelled" : firstFailure();
      }
      long duration = (System.nanoTime() - startNanos) / 1_000_000;
      progress.run(
          ProgressEvent.Kind.COMPLETE,
          success ? "complete" : "failed",
          duration,
          success ? "apply complete" : "apply failed: " + error,
          walked.finished());
      return new ExecutionResult(
          success,
          plan.deploymentName(),
          plan.id(),
          version,
          results,
          undo,
          undone,
          cancelled,
          error,
          duration);
    }

    private String firstFailure() {
      return nodes.values().stream()
          .filter(n -> n.status == ActionResult.Status.FAILED)
          .map(n -> n.name() + ": " + n.error)
          .findFirst()
          .orElse("failed");
    }

    /** A successful apply ends with a check that the state it wrote is sound. */
    private void verifyState() {
      try {
        store.verify();
      } catch (StateDamagedException e) {
        damage.record(e);
      }
    }
  }
}
