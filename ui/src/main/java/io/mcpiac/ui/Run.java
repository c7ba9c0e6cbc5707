package io.mcpiac.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ProgressEvent;
import io.mcpiac.engine.execution.ResultJson;
import io.mcpiac.engine.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One apply the UI started (or a restore): every progress event it produced, kept so that a page
 * that opens later sees the whole run, and handed to each page following it live.
 */
final class Run {
  /** The last message a follower gets: the run's outcome. */
  static final String END = "end";

  private final String id;
  private final String deployment;
  private final String planId;
  private final String kind;
  private final Instant startedAt = Instant.now();
  private final Cancellation cancellation = new Cancellation();
  private final List<ObjectNode> events = new ArrayList<>();
  private final List<BlockingQueue<ObjectNode>> followers = new ArrayList<>();
  private final ObjectNode view;
  private ObjectNode outcome;

  Run(String id, String deployment, String planId, String kind, ObjectNode view) {
    this.view = view;
    this.id = id;
    this.deployment = deployment;
    this.planId = planId;
    this.kind = kind;
  }

  String id() {
    return id;
  }

  Cancellation cancellation() {
    return cancellation;
  }

  void on(ProgressEvent e) {
    publish(ResultJson.of(e));
  }

  /** The run is over: {@code outcome} says how, and every follower is let go. */
  void end(ObjectNode result) {
    ObjectNode node = Json.object();
    node.put("event", END);
    node.set("result", result);
    synchronized (this) {
      outcome = result;
    }
    publish(node);
  }

  private synchronized void publish(ObjectNode node) {
    events.add(node);
    followers.forEach(q -> q.add(node));
  }

  /** Every event so far, then each new one, ending with {@link #END}. */
  synchronized BlockingQueue<ObjectNode> follow() {
    BlockingQueue<ObjectNode> queue = new LinkedBlockingQueue<>(events);
    if (outcome == null) {
      followers.add(queue);
    }
    return queue;
  }

  synchronized void unfollow(BlockingQueue<ObjectNode> queue) {
    followers.remove(queue);
  }

  synchronized ObjectNode summary() {
    ObjectNode out = Json.object();
    out.put("runId", id);
    out.put("deployment", deployment);
    out.put("planId", planId);
    out.put("kind", kind);
    out.put("startedAt", startedAt.toString());
    out.put("status", status());
    out.put("events", events.size());
    if (outcome != null) {
      out.set("result", outcome);
    }
    return out;
  }

  /** The summary with the plan as the page showed it, for a page that watches the run later. */
  synchronized ObjectNode detail() {
    ObjectNode out = summary();
    out.set("view", view);
    return out;
  }

  private String status() {
    if (outcome == null) {
      return cancellation.isCancelled() ? "cancelling" : "running";
    }
    return outcome.path("status").asText();
  }
}
