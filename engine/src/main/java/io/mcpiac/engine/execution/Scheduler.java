package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.dag.DependencyGraph;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Walks the plan's action graph: an action is ready as soon as every action it depends on is
 * complete (no barrier between the seed's stages). Ready actions wait per provider instance,
 * earliest stage first, and are handed out as batches while {@code parallelism} (batches in flight)
 * and the instance's own limit allow. After a failure nothing new starts, unless {@code
 * continueOnError}: then exactly the actions downstream of the failure are skipped.
 *
 * <p>All of it runs under one lock. Progress events are only queued under it (see {@link
 * ProgressEmitter}): a listener is never called while the lock is held.
 */
final class Scheduler {
  private final DependencyGraph graph;
  private final Map<String, ActionNode> nodes;
  private final ExecutionOptions options;
  private final Cancellation cancellation;
  private final StateDamage damage;
  private final ProgressEmitter progress;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, PriorityQueue<ActionNode>> ready = new LinkedHashMap<>();
  private final Map<String, Integer> inFlightPerProvider = new HashMap<>();
  private final Map<Integer, int[]> stageCounts = new HashMap<>(); // {started?, finished, total}
  private int readyCount;
  private int inFlight;
  private int finished;
  private boolean failed;

  /**
   * @param graph the dependencies between the actions of {@code nodes}, keyed by resource name
   */
  Scheduler(
      DependencyGraph graph,
      Map<String, ActionNode> nodes,
      ExecutionOptions options,
      Cancellation cancellation,
      StateDamage damage,
      ProgressEmitter progress) {
    this.graph = graph;
    this.nodes = nodes;
    this.options = options;
    this.cancellation = cancellation;
    this.damage = damage;
    this.progress = progress;
    for (ActionNode n : nodes.values()) {
      stageCounts.computeIfAbsent(n.action.stage(), s -> new int[3])[2]++;
      if (graph.dependenciesOf(n.name()).isEmpty()) {
        makeReady(n);
      }
    }
  }

  /**
   * Runs the walk until nothing is in flight and nothing more may start. {@code work} runs one
   * batch on a thread of {@code pool} and records each node's outcome (a node without one
   * completed).
   */
  void walk(ExecutorService pool, Consumer<List<ActionNode>> work) {
    lock.lock();
    try {
      while (true) {
        if (!stopStarting()) {
          dispatch(pool, work);
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

  /**
   * How the walk stands.
   *
   * @param failed whether an action failed
   * @param finished actions finished: complete, failed or skipped
   */
  record Outcome(boolean failed, int finished) {}

  Outcome outcome() {
    lock.lock();
    try {
      return new Outcome(failed, finished);
    } finally {
      lock.unlock();
    }
  }

  /** Lets the walk look again (a cancellation). */
  void wake() {
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

  private void makeReady(ActionNode n) {
    ready
        .computeIfAbsent(
            n.action.provider(),
            k ->
                new PriorityQueue<>(
                    Comparator.comparingInt((ActionNode x) -> x.action.stage())
                        .thenComparing(ActionNode::name)))
        .add(n);
    readyCount++;
  }

  private static boolean batchable(ActionNode n) {
    ObjectNode properties =
        n.action.properties() != null ? n.action.properties() : n.action.prior();
    return n.provider.batchable(n.type, properties == null ? Json.object() : properties);
  }

  /** Hands out batches while there is room. Called with the lock held. */
  private void dispatch(ExecutorService pool, Consumer<List<ActionNode>> work) {
    for (Map.Entry<String, PriorityQueue<ActionNode>> e : ready.entrySet()) {
      String instance = e.getKey();
      PriorityQueue<ActionNode> queue = e.getValue();
      while (!queue.isEmpty() && inFlight < options.parallelism()) {
        Provider provider = queue.peek().provider;
        if (inFlightPerProvider.getOrDefault(instance, 0) >= provider.maxParallelism()) {
          break;
        }
        int max = Math.max(1, provider.maxBatchSize());
        List<ActionNode> batch = new ArrayList<>(Math.min(queue.size(), max));
        batch.add(queue.poll());
        boolean joins = max > 1 && batchable(batch.get(0));
        while (joins && batch.size() < max && !queue.isEmpty() && batchable(queue.peek())) {
          batch.add(queue.poll());
        }
        int size = batch.size();
        readyCount -= size;
        inFlight++;
        inFlightPerProvider.merge(instance, 1, Integer::sum);
        for (ActionNode n : batch) {
          n.startedNanos = System.nanoTime();
          int[] counts = stageCounts.get(n.action.stage());
          if (counts[0] == 0) {
            counts[0] = 1;
            progress.stage(ProgressEvent.Kind.STAGE_START, n.action.stage(), "running", finished);
          }
          progress.action(n, "running", 0, null, finished);
        }
        pool.execute(
            () -> {
              try {
                work.accept(batch);
              } finally {
                finish(instance, batch);
              }
            });
      }
      if (inFlight >= options.parallelism()) {
        return;
      }
    }
  }

  /** Takes a batch back: its actions are finished, their dependents may be ready. */
  private void finish(String instance, List<ActionNode> batch) {
    lock.lock();
    try {
      inFlight--;
      inFlightPerProvider.merge(instance, -1, Integer::sum);
      for (ActionNode n : batch) {
        n.durationMs = (System.nanoTime() - n.startedNanos) / 1_000_000;
        if (n.status == null) {
          n.status = ActionResult.Status.COMPLETE;
        }
        finished++;
        boolean complete = n.status == ActionResult.Status.COMPLETE;
        progress.action(n, complete ? "complete" : "failed", n.durationMs, n.error, finished);
        stageFinished(n);
        if (complete) {
          for (String dependent : graph.dependentsOf(n.name())) {
            ActionNode d = nodes.get(dependent);
            if (d.status == null && allComplete(graph.dependenciesOf(dependent))) {
              makeReady(d);
            }
          }
        } else {
          failed = true;
          if (options.continueOnError()) {
            skipDownstreamOf(n);
          }
        }
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private boolean allComplete(Iterable<String> names) {
    for (String name : names) {
      if (nodes.get(name).status != ActionResult.Status.COMPLETE) {
        return false;
      }
    }
    return true;
  }

  private void skipDownstreamOf(ActionNode failedNode) {
    for (String name : graph.downstreamOf(failedNode.name())) {
      ActionNode d = nodes.get(name);
      if (d.status != null) {
        continue;
      }
      d.status = ActionResult.Status.SKIPPED;
      d.error = "skipped: depends on '" + failedNode.name() + "', which failed";
      PriorityQueue<ActionNode> queue = ready.get(d.action.provider());
      if (queue != null && queue.remove(d)) {
        readyCount--;
      }
      finished++;
      progress.action(d, "skipped", 0, d.error, finished);
      stageFinished(d);
    }
  }

  private void stageFinished(ActionNode n) {
    int[] counts = stageCounts.get(n.action.stage());
    if (++counts[1] == counts[2]) {
      progress.stage(ProgressEvent.Kind.STAGE_COMPLETE, n.action.stage(), "complete", finished);
    }
  }
}
