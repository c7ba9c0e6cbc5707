package io.mcpiac.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ResultJson;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The applies started from the page, each on a thread of its own, followed by id. */
final class Runs implements AutoCloseable {
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "ui-apply-" + next.get());
            t.setDaemon(true);
            return t;
          });

  /**
   * Applies {@code plan} with the engine {@code bench} gives (closed when done), reporting progress
   * to the run; returns at once.
   */
  Run start(
      Plan plan, String kind, ObjectNode view, UiBackend.Bench bench, ExecutionOptions options) {
    Run run =
        new Run("run-" + next.incrementAndGet(), plan.deploymentName(), plan.id(), kind, view);
    synchronized (this) {
      runs.put(run.id(), run);
    }
    threads.execute(
        () -> {
          try (bench) {
            ExecutionResult result =
                bench.engine().apply(plan, options, run::on, run.cancellation());
            run.end(outcome(result));
          } catch (RuntimeException e) {
            ObjectNode failed = Json.object();
            failed.put("status", "failed");
            failed.put("success", false);
            failed.put("error", Errors.message(e));
            run.end(failed);
          }
        });
    return run;
  }

  /** The engine's JSON result (outputs' secrets masked) and a status word for the page. */
  private static ObjectNode outcome(ExecutionResult r) {
    ObjectNode out = ResultJson.of(r);
    out.put(
        "status",
        r.success()
            ? "succeeded"
            : r.cancelled() ? "cancelled" : r.rolledBack() ? "rolled back" : "failed");
    return out;
  }

  synchronized Run get(String id) {
    Run run = runs.get(id);
    if (run == null) {
      throw new ApiError(404, "no run '" + id + "'");
    }
    return run;
  }

  synchronized ArrayNode list() {
    ArrayNode out = Json.MAPPER.createArrayNode();
    runs.values().forEach(r -> out.add(r.summary()));
    return out;
  }

  @Override
  public void close() {
    synchronized (this) {
      runs.values().forEach(r -> r.cancellation().cancel());
    }
    threads.shutdown();
  }
}
