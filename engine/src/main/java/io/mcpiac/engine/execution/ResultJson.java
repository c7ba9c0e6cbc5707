package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;

/** Execution results and progress events as JSON for machines. */
public final class ResultJson {
  private ResultJson() {}

  public static ObjectNode of(ExecutionResult r) {
    ObjectNode out = Json.object();
    out.put("success", r.success());
    out.put("deployment", r.deployment());
    out.put("planId", r.planId());
    out.put("version", r.version());
    out.put("durationMs", r.durationMs());
    out.put("cancelled", r.cancelled());
    if (r.error() != null) {
      out.put("error", r.error());
    }
    ArrayNode results = out.putArray("results");
    for (ActionResult a : r.results()) {
      ObjectNode node = results.addObject();
      node.put("resource", a.resource());
      node.put("type", a.type());
      node.put("action", a.action().label());
      node.put("status", a.status().label());
      node.put("durationMs", a.durationMs());
      if (a.error() != null) {
        node.put("error", a.error());
      }
      if (a.outputs() != null && !a.outputs().isEmpty()) {
        node.set("outputs", Values.masked(a.outputs()));
      }
    }
    out.put("rolledBack", r.rolledBack());
    ArrayNode rollback = out.putArray("rollback");
    for (UndoResult u : r.rollback()) {
      ObjectNode node = rollback.addObject();
      node.put("resource", u.resource());
      node.put("type", u.type());
      node.put("undo", u.kind().name().toLowerCase(java.util.Locale.ROOT));
      node.put("success", u.success());
      if (u.error() != null) {
        node.put("error", u.error());
      }
    }
    return out;
  }

  public static ObjectNode of(ProgressEvent e) {
    ObjectNode out = Json.object();
    out.put("event", e.kind().label());
    out.put("at", e.at().toString());
    if (e.stage() >= 0) {
      out.put("stage", e.stage() + 1);
    }
    if (e.resource() != null) {
      out.put("resource", e.resource());
      out.put("type", e.type());
    }
    if (e.action() != null) {
      out.put("action", e.action().label());
    }
    if (e.status() != null) {
      out.put("status", e.status());
    }
    out.put("completed", e.completed());
    out.put("total", e.total());
    out.put("progress", Math.round(e.percent() * 10) / 10.0);
    if (e.durationMs() > 0) {
      out.put("durationMs", e.durationMs());
    }
    if (e.message() != null) {
      out.put("message", e.message());
    }
    return out;
  }
}
