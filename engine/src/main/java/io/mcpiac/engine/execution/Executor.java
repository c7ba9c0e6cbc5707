package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.config.ExternalValues;
import io.mcpiac.engine.config.Outputs;
import io.mcpiac.engine.config.Reference;
import io.mcpiac.engine.config.References;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.Planner;
import io.mcpiac.engine.plans.SchemaDefaults;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceState;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateDamagedException;
import io.mcpiac.engine.states.StateStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Applies a plan by walking its dependency graph: an action starts as soon as its own dependencies
 * are done (no barrier between the seed's stages), bounded by {@code parallelism} (provider calls
 * in flight) and each provider instance's own limit. Ready actions of one provider instance are
 * handed over together as a batch, so the provider commits once per batch.
 *
 * <p>Every call is journalled: an intent row before it, a result row (with its effect on state, in
 * the same transaction) after it. When anything fails and {@code rollbackOnFailure} is set, the
 * completed changes are undone in reverse order of completion.
 *
 * <p>The caller holds the deployment's lock and has checked that the plan is not stale.
 */
public final class Executor {
  private final ProviderRegistry registry;
  private final StateStore store;

  public Executor(ProviderRegistry registry, StateStore store) {
    this.registry = registry;
    this.store = store;
  }

  public ExecutionResult execute(Plan plan, ExecutionOptions options, ProgressListener listener) {
    return execute(plan, options, listener, new Cancellation());
  }

  public ExecutionResult execute(
      Plan plan, ExecutionOptions options, ProgressListener listener, Cancellation cancellation) {
    return new Run(plan, options, listener, cancellation).run();
  }

  /** One resource's action during a run. */
  private static final class Node {
    final PlannedAction action;
    final ResourceConfig config;
    final Provider provider;
    final ResourceType type;
    final List<String> dependents = new ArrayList<>();
    int waitingOn;
    ActionResult.Status status;
    String error;
    long startedNanos;
    long durationMs;
    ObjectNode resolved;
    ObjectNode outputs;
    String id;

    Node(PlannedAction action, ResourceConfig config, Provider provider, ResourceType type) {
      this.action = action;
      this.config = config;
      this.provider = provider;
      this.type = type;
    }
  }

  /** A journalled provider call that is part of a node's action. */
  private record Step(
      Node node,
      Provider provider,
      Change change,
      ResourceRecord putOnSuccess,
      String removeOnSuccess,
      Undo undo) {}

  private final class Run {
    private final Plan plan;
    private final ExecutionOptions options;
    private final ProgressListener listener;
    private final Cancellation cancellation;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, ObjectNode> settledProperties = new ConcurrentHashMap<>();
    private final Map<String, ResourceRecord> recordedAtStart = new HashMap<>();
    private final Map<String, ResourceConfig> configs = new HashMap<>();
    private final Map<String, PlannedAction> actionsByName = new HashMap<>();
    private ExternalValues externals;
    private final Deque<Undo> undoStack = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Object listenerLock = new Object();

    /** Ready actions per provider instance, earliest stage first: dispatch takes only a batch. */
    private final Map<String, PriorityQueue<Node>> ready = new LinkedHashMap<>();

    private int readyCount;
    private final Map<String, Integer> inFlightPerProvider = new HashMap<>();
    private final Map<Integer, int[]> stageCounts = new HashMap<>(); // {started?, finished, total}
    private int inFlight;
    private int finished;
    private boolean failed;
    private long version;
    private final long startNanos = System.nanoTime();
    private final StateDamage damage = new StateDamage();

    Run(Plan plan, ExecutionOptions options, ProgressListener listener, Cancellation cancel) {
      this.plan = plan;
      this.options = options;
      this.listener = listener;
      this.cancellation = cancel;
    }

    ExecutionResult run() {
      prepare();
      preflight();
      version = store.beginVersion(plan.deploymentName());
      // changes written earlier but never activated go live before anything new is written
      new Activations(registry, store)
          .runPending(plan.activations(), plan.deploymentName(), version);
      emit(ProgressEvent.Kind.START, null, null, 0, "applying plan " + plan.id());
      cancellation.onCancel(this::wake);
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.max(1, Math.min(options.parallelism(), Math.max(1, nodes.size()))),
              r -> {
                Thread t = new Thread(r, "mcp-iac-apply");
                t.setDaemon(true);
                return t;
              });
      try {
        walk(pool);
      } finally {
        pool.shutdown();
      }
      List<UndoResult> undone = new ArrayList<>();
      boolean rollback =
          (failed || cancellation.isCancelled() || damage.happened())
              && options.rollbackOnFailure()
              && damage.allowsUndo();
      if (rollback) {
        undone = rollback();
      }
      if (!failed && !damage.happened() && !cancellation.isCancelled()) {
        verifyState();
      }
      List<ActionResult> results = new ArrayList<>();
      for (Node n : nodes.values()) {
        ActionResult.Status status = n.status == null ? ActionResult.Status.NOT_STARTED : n.status;
        results.add(
            new ActionResult(
                n.action.name(),
                n.action.type(),
                n.action.action(),
                status,
                n.error,
                n.durationMs,
                n.outputs == null ? Json.object() : n.outputs));
      }
      boolean success = !failed && !cancellation.isCancelled() && !damage.happened();
      String error = null;
      if (damage.happened()) {
        error = damage.report(store, plan.deploymentName(), rollback, results);
      } else if (!success) {
        error =
            cancellation.isCancelled()
                ? "cancelled"
                : nodes.values().stream()
                    .filter(n -> n.status == ActionResult.Status.FAILED)
                    .map(n -> n.action.name() + ": " + n.error)
                    .findFirst()
                    .orElse("failed");
      }
      long duration = (System.nanoTime() - startNanos) / 1_000_000;
      emit(
          ProgressEvent.Kind.COMPLETE,
          null,
          success ? "complete" : "failed",
          duration,
          success ? "apply complete" : "apply failed: " + error);
      return new ExecutionResult(
          success,
          plan.deploymentName(),
          plan.id(),
          version,
          results,
          rollback,
          undone,
          cancellation.isCancelled(),
          error,
          duration);
    }

    /** Every provider instance looks at its actions first; unaccepted risks stop everything. */
    private void preflight() {
      Map<Provider, List<PlannedAction>> byProvider = new LinkedHashMap<>();
      for (Node n : nodes.values()) {
        byProvider.computeIfAbsent(n.provider, p -> new ArrayList<>()).add(n.action);
      }
      List<io.mcpiac.engine.providers.Risk> refused = new ArrayList<>();
      byProvider.forEach(
          (provider, actions) ->
              provider.preflight(actions.stream().map(PlannedAction::forProvider).toList()).stream()
                  .filter(r -> !options.acceptedRisks().contains(r.code()))
                  .forEach(refused::add));
      if (!refused.isEmpty()) {
        throw new RiskRefusedException(refused);
      }
    }

    private void prepare() {
      plan.deployment().resources().forEach(r -> configs.put(r.name(), r));
      externals =
          new ExternalValues(
              plan.deployment(),
              name ->
                  store
                      .load(name)
                      .flatMap(s -> s.resource(Outputs.RESOURCE))
                      .map(r -> Outputs.values(r.properties())),
              System::getenv);
      plan.actions().forEach(a -> actionsByName.put(a.name(), a));
      store.load(plan.deploymentName()).ifPresent(s -> recordedAtStart.putAll(s.resources()));
      for (PlannedAction a : plan.actions()) {
        if (!a.changesSomething()) {
          continue;
        }
        Provider provider = registry.providerFor(a.type(), a.provider());
        ResourceType type =
            provider
                .resourceType(a.type())
                .orElseThrow(() -> new IllegalStateException("unknown type " + a.type()));
        ResourceConfig config = configs.get(a.name());
        nodes.put(a.name(), new Node(a, config, provider, type));
        stageCounts.computeIfAbsent(a.stage(), s -> new int[3])[2]++;
      }
      for (Node n : nodes.values()) {
        for (String dep : n.action.dependencies()) {
          Node d = nodes.get(dep);
          if (d != null) {
            d.dependents.add(n.action.name());
            n.waitingOn++;
          }
        }
      }
      nodes.values().stream().filter(n -> n.waitingOn == 0).forEach(this::makeReady);
    }

    private void wake() {
      lock.lock();
      try {
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    private boolean stopStarting() {
      return cancellation.isCancelled()
          || damage.happened()
          || (failed && !options.continueOnError());
    }

    /** A successful apply ends with a check that the state it wrote is sound. */
    private void verifyState() {
      try {
        store.verify();
      } catch (StateDamagedException e) {
        damage.record(e);
      }
    }

    private void walk(ExecutorService pool) {
      lock.lock();
      try {
        while (true) {
          if (!stopStarting()) {
            dispatch(pool);
          }
          if (inFlight == 0 && (readyCount == 0 || stopStarting())) {
            return;
          }
          changed.awaitUninterruptibly();
        }
      } finally {
        lock.unlock();
      }
    }

    private void makeReady(Node n) {
      ready
          .computeIfAbsent(
              n.action.provider(),
              k ->
                  new PriorityQueue<>(
                      Comparator.comparingInt((Node x) -> x.action.stage())
                          .thenComparing(x -> x.action.name())))
          .add(n);
      readyCount++;
    }

    /** Hands out batches while there is room. Called with the lock held. */
    private void dispatch(ExecutorService pool) {
      for (Map.Entry<String, PriorityQueue<Node>> e : ready.entrySet()) {
        String instance = e.getKey();
        PriorityQueue<Node> queue = e.getValue();
        while (!queue.isEmpty() && inFlight < options.parallelism()) {
          Provider provider = queue.peek().provider;
          if (inFlightPerProvider.getOrDefault(instance, 0) >= provider.maxParallelism()) {
            break;
          }
          int size = Math.min(queue.size(), Math.max(1, provider.maxBatchSize()));
          List<Node> batch = new ArrayList<>(size);
          for (int i = 0; i < size; i++) {
            batch.add(queue.poll());
          }
          readyCount -= size;
          inFlight++;
          inFlightPerProvider.merge(instance, 1, Integer::sum);
          for (Node n : batch) {
            n.startedNanos = System.nanoTime();
            int[] counts = stageCounts.get(n.action.stage());
            if (counts[0] == 0) {
              counts[0] = 1;
              emitStage(ProgressEvent.Kind.STAGE_START, n.action.stage(), "running");
            }
            emit(ProgressEvent.Kind.ACTION_UPDATE, n, "running", 0, null);
          }
          pool.execute(() -> runBatch(instance, batch));
        }
        if (inFlight >= options.parallelism()) {
          return;
        }
      }
    }

    private void runBatch(String instance, List<Node> batch) {
      try {
        List<Step> first = new ArrayList<>();
        List<Step> second = new ArrayList<>();
        for (Node n : batch) {
          try {
            n.resolved = resolve(n);
            plan(n, first, second);
          } catch (RuntimeException ex) {
            n.status = ActionResult.Status.FAILED;
            n.error = ex.getMessage();
          }
        }
        executeByProvider(first);
        List<Step> stillToDo = new ArrayList<>();
        for (Step s : second) {
          if (s.node.status == null) {
            stillToDo.add(s);
          }
        }
        executeByProvider(stillToDo);
      } catch (RuntimeException unexpected) {
        if (unexpected instanceof StateDamagedException sd) {
          damage.record(sd);
        }
        for (Node n : batch) {
          if (n.status == null) {
            n.status = ActionResult.Status.FAILED;
            n.error = String.valueOf(unexpected.getMessage());
          }
        }
      } finally {
        finishBatch(instance, batch);
      }
    }

    /** Turns a node's action into one or two journalled steps. */
    private void plan(Node n, List<Step> first, List<Step> second) {
      PlannedAction a = n.action;
      String salt = Planner.salt(plan.deploymentName(), a.name());
      ObjectNode desired =
          n.resolved == null ? null : Secrets.revealObject(Records.withoutStandIns(n.resolved));
      ObjectNode recordedDesired =
          n.resolved == null ? null : Values.redact(n.type, salt, n.resolved);
      ResourceRecord prior =
          a.prior() == null
              ? null
              : new ResourceRecord(
                  a.name(),
                  a.type(),
                  a.provider(),
                  a.id(),
                  a.prior(),
                  a.priorOutputs(),
                  priorDependencies(a),
                  ResourceState.CREATED);
      switch (a.action()) {
        case CREATE -> {
          String id = n.provider.newId(n.type, a.name());
          Change c =
              new Change(Change.Kind.CREATE, a.name(), n.type, id, null, desired, Json.object());
          ResourceRecord put = record(n, id, recordedDesired, Json.object());
          first.add(new Step(n, n.provider, c, put, null, undoOf(n.provider, c, null, a.name())));
        }
        case UPDATE -> {
          Change c =
              new Change(
                  Change.Kind.UPDATE,
                  a.name(),
                  n.type,
                  a.id(),
                  a.prior(),
                  SchemaDefaults.of(n.type).fillChanged(desired, a.changes()),
                  a.priorOutputs());
          ResourceRecord put = record(n, a.id(), recordedDesired, a.priorOutputs());
          first.add(new Step(n, n.provider, c, put, null, undoOf(n.provider, c, prior, null)));
        }
        case DELETE -> {
          Change c =
              new Change(
                  Change.Kind.DELETE, a.name(), n.type, a.id(), a.prior(), null, a.priorOutputs());
          first.add(new Step(n, n.provider, c, null, a.name(), undoOf(n.provider, c, prior, null)));
        }
        case REPLACE -> {
          Provider oldProvider = registry.providerFor(prior.type(), prior.provider());
          ResourceType priorType =
              oldProvider
                  .resourceType(prior.type())
                  .orElseThrow(() -> new IllegalStateException("unknown type " + prior.type()));
          String newId = n.provider.newId(n.type, a.name());
          Change create =
              new Change(Change.Kind.CREATE, a.name(), n.type, newId, null, desired, Json.object());
          Change delete =
              new Change(
                  Change.Kind.DELETE,
                  a.name(),
                  priorType,
                  a.id(),
                  a.prior(),
                  null,
                  a.priorOutputs());
          ResourceRecord putNew = record(n, newId, recordedDesired, Json.object());
          if (n.type.createBeforeDestroy() && oldProvider == n.provider) {
            // the old object stays until the new one exists; undoing restores the old record
            first.add(
                new Step(
                    n, n.provider, create, putNew, null, undoOf(n.provider, create, prior, null)));
            second.add(
                new Step(
                    n, oldProvider, delete, null, null, undoOf(oldProvider, delete, prior, null)));
          } else {
            first.add(
                new Step(
                    n,
                    oldProvider,
                    delete,
                    null,
                    a.name(),
                    undoOf(oldProvider, delete, prior, null)));
            second.add(
                new Step(
                    n,
                    n.provider,
                    create,
                    putNew,
                    null,
                    undoOf(n.provider, create, null, a.name())));
          }
        }
        case NO_OP -> throw new IllegalStateException("no-op is never scheduled");
      }
    }

    private List<String> priorDependencies(PlannedAction a) {
      ResourceRecord r = recordedAtStart.get(a.name());
      return r == null ? List.of() : r.dependencies();
    }

    private ResourceRecord record(Node n, String id, ObjectNode properties, ObjectNode outputs) {
      List<String> deps = n.config == null ? List.of() : n.action.dependencies();
      return new ResourceRecord(
          n.action.name(),
          n.action.type(),
          n.action.provider(),
          id,
          properties,
          outputs,
          deps,
          ResourceState.CREATED);
    }

    /**
     * The compensation of a change: delete what was created, restore what was updated, re-create
     * what was deleted with its old id. {@code put}/{@code remove}: state after the undo.
     */
    private Undo undoOf(Provider provider, Change c, ResourceRecord put, String remove) {
      Change compensation =
          switch (c.kind()) {
            case CREATE ->
                new Change(
                    Change.Kind.DELETE,
                    c.name(),
                    c.type(),
                    c.id(),
                    c.desired(),
                    null,
                    Json.object());
            case UPDATE ->
                new Change(
                    Change.Kind.UPDATE,
                    c.name(),
                    c.type(),
                    c.id(),
                    c.desired(),
                    Records.withoutStandIns(c.prior()),
                    Json.object());
            case DELETE ->
                new Change(
                    Change.Kind.CREATE,
                    c.name(),
                    c.type(),
                    c.id(),
                    null,
                    Records.withoutStandIns(c.prior()),
                    Json.object());
          };
      return new Undo(c.name(), provider, compensation, put, remove);
    }

    private void executeByProvider(List<Step> steps) {
      Map<Provider, List<Step>> groups = new LinkedHashMap<>();
      for (Step s : steps) {
        groups.computeIfAbsent(s.provider, p -> new ArrayList<>()).add(s);
      }
      groups.forEach(this::execute);
    }

    /** Journals the steps' intents, calls the provider once, and records each outcome. */
    private void execute(Provider provider, List<Step> steps) {
      if (steps.isEmpty()) {
        return;
      }
      List<JournalEntry> intents = new ArrayList<>(steps.size());
      for (Step s : steps) {
        // a delete journals the record it removes (its undo puts it back)
        ResourceRecord rec = s.putOnSuccess != null ? s.putOnSuccess : s.undo.put();
        intents.add(
            new JournalEntry(
                0,
                plan.deploymentName(),
                version,
                "apply",
                s.change.kind(),
                s.change.name(),
                s.change.type().name(),
                rec.provider(),
                s.change.id(),
                Records.toJson(rec),
                JournalEntry.Status.INTENT,
                null,
                Instant.now(),
                null));
      }
      List<Change> changes = steps.stream().map(Step::change).toList();
      Activations.Batch journalled;
      try {
        journalled = Activations.journal(store, provider, intents, changes);
      } catch (StateDamagedException e) {
        // nothing was asked of the provider: these changes did not start
        damage.record(e);
        for (Step s : steps) {
          s.node.status = ActionResult.Status.FAILED;
          s.node.error = "not started: " + e.getMessage();
        }
        return;
      }
      List<JournalEntry> written = journalled.changes();
      List<ChangeResult> results;
      try {
        results = provider.apply(changes);
        if (results.size() != steps.size()) {
          throw new IllegalStateException(
              "provider "
                  + provider.name()
                  + " answered "
                  + results.size()
                  + " results for "
                  + steps.size()
                  + " changes");
        }
      } catch (RuntimeException batchFailure) {
        // nothing is known of any change of the batch: find out with a live read
        new JournalRecovery(registry, store).reconcile(plan.deploymentName(), written);
        new Activations(registry, store)
            .reactivate(journalled.activations(), plan.deploymentName());
        for (Step s : steps) {
          s.node.status = ActionResult.Status.FAILED;
          s.node.error = String.valueOf(batchFailure.getMessage());
        }
        return;
      }
      List<ChangeResult> returned = results;
      recordSafely(
          () ->
              new Activations(registry, store)
                  .done(
                      journalled.activations(),
                      provider,
                      changes,
                      returned,
                      plan.deploymentName(),
                      version),
          null);
      for (int i = 0; i < steps.size(); i++) {
        Step s = steps.get(i);
        ChangeResult r = results.get(i);
        JournalEntry entry = written.get(i);
        if (r.success()) {
          ResourceRecord put = s.putOnSuccess;
          if (put != null) {
            // what the provider answers may carry the secrets it was given: they stay secret
            Set<String> secrets = Secrets.clearTexts(s.node.resolved);
            String salt = Planner.salt(plan.deploymentName(), put.name());
            ObjectNode props =
                r.properties() == null
                    ? put.properties()
                    : Values.redact(
                        s.node.type, salt, Secrets.taintObject(r.properties(), secrets));
            ObjectNode outputs =
                Secrets.taintObject(r.outputs() == null ? Json.object() : r.outputs(), secrets);
            put =
                Records.applied(
                    put, r.id(), props, Values.redact(null, salt + "/outputs", outputs));
            s.node.outputs = outputs;
            s.node.id = put.id();
          }
          ResourceRecord recorded = put;
          recordSafely(
              () ->
                  store.journalFinish(
                      entry.id(),
                      JournalEntry.Status.DONE,
                      null,
                      plan.deploymentName(),
                      version,
                      recorded,
                      s.removeOnSuccess),
              s.change);
          Undo undo = s.undo;
          if (r.undo() != null) {
            undo = new Undo(undo.resource(), undo.provider(), r.undo(), undo.put(), undo.remove());
          } else if (s.change.kind() == Change.Kind.CREATE
              && r.id() != null
              && !r.id().equals(s.change.id())) {
            Change c = undo.change();
            undo =
                new Undo(
                    undo.resource(),
                    undo.provider(),
                    new Change(
                        c.kind(),
                        c.name(),
                        c.type(),
                        r.id(),
                        c.prior(),
                        c.desired(),
                        c.priorOutputs()),
                    undo.put(),
                    undo.remove());
          }
          synchronized (undoStack) {
            undoStack.push(undo);
          }
        } else {
          recordSafely(
              () ->
                  store.journalFinish(
                      entry.id(),
                      JournalEntry.Status.FAILED,
                      r.error(),
                      plan.deploymentName(),
                      version,
                      null,
                      null),
              null);
          s.node.status = ActionResult.Status.FAILED;
          s.node.error = r.error();
        }
      }
    }

    /**
     * Records a result; when state is damaged the change still counts as done (it happened on the
     * system) and the report names it as not recorded.
     */
    private void recordSafely(Runnable write, Change done) {
      try {
        write.run();
      } catch (StateDamagedException e) {
        damage.record(e);
        if (done != null) {
          damage.unrecorded(
              done.kind().name().toLowerCase(java.util.Locale.ROOT)
                  + " "
                  + done.name()
                  + " (id "
                  + done.id()
                  + ")");
        }
      }
    }

    /** The node's properties with references resolved against what is now applied. */
    private ObjectNode resolve(Node n) {
      if (n.action.action() == ActionType.DELETE) {
        return null;
      }
      ObjectNode raw = n.config != null ? n.config.properties() : n.action.properties();
      ObjectNode resolved =
          plan.deployment()
              .markSensitive(
                  n.action.name(),
                  Secrets.markDeclared(
                      n.type,
                      n.provider.canonical(n.type, References.resolveObject(raw, this::lookup))));
      if (Values.containsUnknown(resolved)) {
        throw new IllegalStateException(
            "a referenced value of '"
                + n.action.name()
                + "' is still unknown after its dependencies were applied");
      }
      return resolved;
    }

    /** External values (secrets, sensitive variables) are read here, just before the call. */
    private JsonNode lookup(Reference ref) {
      if (ref.isExternal()) {
        return externals.value(ref);
      }
      String name = ref.name();
      ResourceType type;
      ObjectNode properties;
      ObjectNode outputs;
      String id;
      Node target = nodes.get(name);
      if (target != null) {
        type = target.type;
        properties = target.resolved;
        outputs = target.outputs;
        id = target.id != null ? target.id : target.action.id();
      } else {
        PlannedAction settled = actionsByName.get(name);
        if (settled == null) {
          return null;
        }
        type = registry.type(settled.type()).orElse(null);
        properties = settledProperties(settled);
        outputs = settled.plannedOutputs();
        id = settled.id();
      }
      boolean isOutput = type != null && type.outputs().containsKey(ref.attributeRoot());
      // every resource has its provider's identifier as 'id' (an output or property wins)
      if (!isOutput
          && ref.attribute().equals("id")
          && (properties == null || !properties.has("id"))) {
        return id == null ? Values.UNKNOWN : TextNode.valueOf(id);
      }
      JsonNode value = References.at(isOutput ? outputs : properties, ref.attribute());
      if (value == null) {
        return isOutput ? Values.UNKNOWN : Json.MAPPER.nullNode();
      }
      return value;
    }

    /** The resolved properties of a resource this plan leaves alone. */
    private ObjectNode settledProperties(PlannedAction settled) {
      ObjectNode cached = settledProperties.get(settled.name());
      if (cached != null) {
        return cached;
      }
      ResourceConfig config = configs.get(settled.name());
      ObjectNode raw = config != null ? config.properties() : settled.properties();
      ObjectNode resolved =
          plan.deployment()
              .markSensitive(
                  settled.name(),
                  Secrets.markDeclared(
                      registry.type(settled.type()).orElse(null),
                      References.resolveObject(raw, this::lookup)));
      settledProperties.put(settled.name(), resolved);
      return resolved;
    }

    private void finishBatch(String instance, List<Node> batch) {
      lock.lock();
      try {
        inFlight--;
        inFlightPerProvider.merge(instance, -1, Integer::sum);
        for (Node n : batch) {
          n.durationMs = (System.nanoTime() - n.startedNanos) / 1_000_000;
          if (n.status == null) {
            n.status = ActionResult.Status.COMPLETE;
          }
          finished++;
          emit(
              ProgressEvent.Kind.ACTION_UPDATE,
              n,
              n.status == ActionResult.Status.COMPLETE ? "complete" : "failed",
              n.durationMs,
              n.error);
          stageFinished(n);
          if (n.status == ActionResult.Status.COMPLETE) {
            for (String dep : n.dependents) {
              Node d = nodes.get(dep);
              if (d.status == null && --d.waitingOn == 0) {
                makeReady(d);
              }
            }
          } else {
            failed = true;
            if (options.continueOnError()) {
              skipDependents(n);
            }
          }
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    private void skipDependents(Node failedNode) {
      Deque<Node> todo = new ArrayDeque<>();
      todo.add(failedNode);
      while (!todo.isEmpty()) {
        Node n = todo.poll();
        for (String dep : n.dependents) {
          Node d = nodes.get(dep);
          if (d.status == null) {
            d.status = ActionResult.Status.SKIPPED;
            d.error = "skipped: depends on '" + failedNode.action.name() + "', which failed";
            PriorityQueue<Node> queue = ready.get(d.action.provider());
            if (queue != null && queue.remove(d)) {
              readyCount--;
            }
            finished++;
            emit(ProgressEvent.Kind.ACTION_UPDATE, d, "skipped", 0, d.error);
            stageFinished(d);
            todo.add(d);
          }
        }
      }
    }

    private void stageFinished(Node n) {
      int[] counts = stageCounts.get(n.action.stage());
      if (++counts[1] == counts[2]) {
        emitStage(ProgressEvent.Kind.STAGE_COMPLETE, n.action.stage(), "complete");
      }
    }

    private void emitStage(ProgressEvent.Kind kind, int stage, String status) {
      emit(
          new ProgressEvent(
              kind,
              Instant.now(),
              stage,
              null,
              null,
              null,
              status,
              finished,
              nodes.size(),
              0,
              "stage " + (stage + 1)));
    }

    /**
     * Undoes the completed steps in reverse order of completion; a failed undo does not stop the
     * rest.
     */
    private List<UndoResult> rollback() {
      List<Undo> undos;
      synchronized (undoStack) {
        undos = new ArrayList<>(undoStack);
      }
      emit(
          ProgressEvent.Kind.ROLLBACK_START, null, "running", 0, undos.size() + " changes to undo");
      List<UndoResult> results = new ArrayList<>();
      Undoer undoer = new Undoer(registry, store, plan.deploymentName(), version, damage);
      for (Undo u : undos) {
        String error = undoer.undo(u);
        results.add(
            new UndoResult(u.resource(), u.change().type().name(), u.change().kind(), error));
        emit(
            new ProgressEvent(
                ProgressEvent.Kind.ROLLBACK_ACTION,
                Instant.now(),
                -1,
                u.resource(),
                u.change().type().name(),
                null,
                error == null ? "complete" : "failed",
                finished,
                nodes.size(),
                0,
                u.change().kind().name().toLowerCase(java.util.Locale.ROOT)
                    + (error == null ? "" : ": " + error)));
      }
      long failedUndos = results.stream().filter(r -> !r.success()).count();
      emit(
          ProgressEvent.Kind.ROLLBACK_COMPLETE,
          null,
          failedUndos == 0 ? "complete" : "failed",
          0,
          (results.size() - failedUndos) + " undone, " + failedUndos + " could not be undone");
      return results;
    }

    private void emit(
        ProgressEvent.Kind kind, Node n, String status, long durationMs, String message) {
      emit(
          new ProgressEvent(
              kind,
              Instant.now(),
              n == null ? -1 : n.action.stage(),
              n == null ? null : n.action.name(),
              n == null ? null : n.action.type(),
              n == null ? null : n.action.action(),
              status,
              finished,
              nodes.size(),
              durationMs,
              message));
    }

    private void emit(ProgressEvent event) {
      synchronized (listenerLock) {
        try {
          listener.on(event);
        } catch (RuntimeException ignored) {
          // a broken listener must not break an apply
        }
      }
    }
  }
}
