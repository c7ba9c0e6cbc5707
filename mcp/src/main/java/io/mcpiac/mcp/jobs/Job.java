package io.mcpiac.mcp.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ProgressEvent;
import io.mcpiac.engine.execution.ResultJson;
import io.mcpiac.engine.json.Json;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One apply, destroy or restore of a deployment, foreground or background: its status, its last
 * progress events and, once finished, its result. Other calls read it ({@code getDeploymentState})
 * or cancel it ({@code cancelDeployment}).
 */
public final class Job {
  /** How many recent events a job keeps for {@code getDeploymentState}. */
  static final int KEPT_EVENTS = 20;

  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final String deployment;
  private final String planId;
  private final String operation;
  private final Instant startedAt = Instant.now();
  private final Cancellation cancellation = new Cancellation();
  private final Deque<ProgressEvent> events = new ArrayDeque<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Status status = Status.RUNNING;
  private volatile int completed;
  private volatile int total;
  private volatile ObjectNode result;
  private volatile String error;

  Job(String deployment, String planId, String operation) {
    this.deployment = deployment;
    this.planId = planId;
    this.operation = operation;
  }

  public String deployment() {
    return deployment;
  }

  public String planId() {
    return planId;
  }

  public Cancellation cancellation() {
    return cancellation;
  }

  public Status status() {
    return status;
  }

  public boolean running() {
    return status == Status.RUNNING;
  }

  synchronized void record(ProgressEvent e) {
    events.addLast(e);
    while (events.size() > KEPT_EVENTS) {
      events.removeFirst();
    }
    completed = e.completed();
    total = e.total();
  }

  void finish(ExecutionResult r) {
    result = ResultJson.of(r);
    status = r.success() ? Status.SUCCEEDED : r.cancelled() ? Status.CANCELLED : Status.FAILED;
    error = r.error();
    finished.countDown();
  }

  void fail(String message) {
    error = message;
    status = cancellation.isCancelled() ? Status.CANCELLED : Status.FAILED;
    finished.countDown();
  }

  /** Nothing was applied (no changes, or refused): the job ends without a result. */
  void finishEmpty() {
    status = Status.SUCCEEDED;
    finished.countDown();
  }

  /** Waits for the job to end; true if it did within the time. */
  public boolean await(long millis) {
    try {
      return finished.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The job as JSON for {@code getDeploymentState}. */
  public synchronized ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("operation", operation);
    out.put("status", status.label());
    if (planId != null) {
      out.put("planId", planId);
    }
    out.put("startedAt", startedAt.toString());
    out.put("completed", completed);
    out.put("total", total);
    out.put("progress", total == 0 ? (running() ? 0.0 : 100.0) : 100.0 * completed / total);
    out.put("cancelRequested", cancellation.isCancelled());
    ArrayNode recent = out.putArray("events");
    for (ProgressEvent e : events) {
      ObjectNode node = ResultJson.of(e);
      node.put("line", EventLines.line(e));
      recent.add(node);
    }
    if (error != null) {
      out.put("error", error);
    }
    if (result != null) {
      out.set("result", result);
    }
    return out;
  }
}
