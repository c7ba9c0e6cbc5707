package io.mcpiac.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.checkpoints.StateDiff;
import io.mcpiac.engine.errors.NotFoundException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.DeploymentSummary;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.StateStore;
import java.util.List;

/**
 * What the state store holds, as the page shows it: deployments, the versions of one (when, what
 * the run that wrote it did), the diff of two versions, checkpoints. Read-only; secrets stay
 * digests.
 */
final class StateViews {
  private StateViews() {}

  static ArrayNode deployments(StateStore store) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (DeploymentSummary d : store.deployments()) {
      ObjectNode node = out.addObject();
      node.put("name", d.name());
      node.put("version", d.version());
      node.put("resources", d.resources());
      node.put("lastApply", d.updatedAt() == null ? null : d.updatedAt().toString());
      node.put("lock", store.lockHolder(d.name()).map(l -> l.describe()).orElse(null));
      node.put("checkpoints", store.checkpoints(d.name()).size());
    }
    return out;
  }

  /** Newest first: each version's time, resource count and the journalled calls that wrote it. */
  static ArrayNode history(StateStore store, String deployment) {
    long current = store.version(deployment);
    if (current <= 0) {
      throw new NotFoundException(
          "no deployment named '" + deployment + "' in " + store.location());
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (long v = current; v >= 1; v--) {
      DeploymentState s = store.load(deployment, v).orElse(null);
      if (s == null) {
        continue;
      }
      ObjectNode node = out.addObject();
      node.put("version", v);
      node.put("current", v == current);
      node.put("at", s.updatedAt() == null ? null : s.updatedAt().toString());
      node.put("resources", s.resources().size());
      List<JournalEntry> journal = store.journal(deployment, v);
      // a version without journalled calls was written by a state edit (import, rm, mv, rollback)
      node.put("by", journal.isEmpty() ? "state edit" : "apply");
      // who: the write lock's holder when the version began (user, pid and host), if recorded
      store
          .writer(deployment, v)
          .ifPresent(w -> node.put("who", w.owner()).put("operation", w.operation()));
      ArrayNode what = node.putArray("changes");
      for (JournalEntry e : journal) {
        what.addObject()
            .put("phase", e.phase().name().toLowerCase(java.util.Locale.ROOT))
            .put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT))
            .put("resource", e.resource())
            .put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  static ObjectNode diff(StateStore store, String deployment, long from, long to) {
    DeploymentState a = version(store, deployment, from);
    DeploymentState b = version(store, deployment, to);
    StateDiff diff = StateDiff.between(a.resources().values(), b.resources().values());
    ObjectNode out = Json.object();
    out.put("deployment", deployment);
    out.put("from", from);
    out.put("to", to);
    ArrayNode entries = out.putArray("entries");
    for (StateDiff.Entry e : diff.entries()) {
      ObjectNode node = entries.addObject();
      node.put("resource", e.name()).put("type", e.type()).put("kind", e.kind());
      ArrayNode changes = node.putArray("changes");
      e.changes()
          .forEach(
              c -> {
                ObjectNode change = changes.addObject().put("property", c.path());
                change.set("before", Values.masked(c.before()));
                change.set("after", Values.masked(c.after()));
              });
    }
    return out;
  }

  private static DeploymentState version(StateStore store, String deployment, long v) {
    return store
        .load(deployment, v)
        .orElseThrow(
            () ->
                new NotFoundException("version " + v + " of '" + deployment + "' is not recorded"));
  }

  static ArrayNode checkpoints(StateStore store, String deployment) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Checkpoint c : store.checkpoints(deployment)) {
      out.add(checkpoint(c));
    }
    return out;
  }

  static ObjectNode checkpoint(Checkpoint c) {
    ObjectNode node = Json.object();
    node.put("id", c.id());
    node.put("deployment", c.deployment());
    node.put("version", c.version());
    node.put("at", c.timestamp().toString());
    node.put("description", c.description());
    node.put("resources", c.resources().size());
    return node;
  }
}
