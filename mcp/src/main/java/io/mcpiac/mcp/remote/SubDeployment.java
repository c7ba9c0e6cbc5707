package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ReadRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server's part of the orchestrated deployments, kept by that server as a deployment of its
 * own. A batch of changes becomes: a snapshot of the part, the whole desired part with the changes
 * applied sent to {@code planDeployment} (references already resolved by the orchestrator, so the
 * server sees literal values), {@code applyDeployment}, and a read of the outputs with {@code
 * getDeploymentState}. Undoing any change of a batch rolls the part back to the snapshot taken
 * before that batch ({@code rollbackToSnapshot}), once: the engine undoes in reverse order of
 * completion, so the server ends where it was before the orchestrator's first batch.
 */
public final class SubDeployment {
  private static final Logger LOG = LoggerFactory.getLogger(SubDeployment.class);

  /** Marks an undo change as "roll this server back to the snapshot", in its priorOutputs. */
  static final String SNAPSHOT_MARK = "$rollbackToSnapshot";

  /** The snapshot id meaning "the server had no part yet": rolling back destroys the part. */
  static final String NOTHING = "none:";

  /** How the server's state answers show a secret. */
  private static final String MASK = "\"(sensitive)\"";

  private final RemoteServer server;
  private final String name;
  private final Set<String> rolledBack = new HashSet<>();

  /**
   * The literal properties last sent for each resource. The server answers secrets masked, so an
   * untouched resource with a secret is resent from here; without it the batch is refused rather
   * than overwriting the secret with its mask.
   */
  private final Map<String, ObjectNode> sent = new HashMap<>();

  private final List<ServerRollback> rollbacks = new ArrayList<>();

  /** What rolling a server back undid, for the result. */
  public record ServerRollback(String server, String snapshotId, JsonNode result, String error) {
    public boolean success() {
      return error == null;
    }
  }

  /** A resource as the server recorded it. */
  record Recorded(
      String name,
      String type,
      String id,
      ObjectNode properties,
      ObjectNode outputs,
      List<String> dependencies) {}

  public SubDeployment(RemoteServer server, String name) {
    this.server = server;
    this.name = name;
  }

  public RemoteServer server() {
    return server;
  }

  public String name() {
    return name;
  }

  /** Every rollback of this server so far, oldest first. */
  public synchronized List<ServerRollback> rollbacks() {
    return List.copyOf(rollbacks);
  }

  /** The part as the server recorded it (empty before the first apply). */
  synchronized Map<String, Recorded> recorded() {
    ObjectNode args = Json.object();
    args.put("deploymentId", name);
    RemoteServer.Answer a = server.call("getDeploymentState", args);
    Map<String, Recorded> out = new LinkedHashMap<>();
    if (!a.success()) {
      if ("NOT_FOUND".equals(a.errorCode())) {
        return out;
      }
      throw failure(a);
    }
    for (JsonNode r : a.data().path("resources")) {
      List<String> deps = new ArrayList<>();
      r.path("dependencies").forEach(d -> deps.add(d.asText()));
      out.put(
          r.path("name").asText(),
          new Recorded(
              r.path("name").asText(),
              r.path("type").asText(),
              r.path("id").asText(null),
              object(r.get("properties")),
              object(r.get("outputs")),
              deps));
    }
    return out;
  }

  /**
   * The live view of the requested resources of one type: what the server recorded, found by name
   * or, for the engine's journal recovery (which asks with its own keys), by id.
   */
  Map<String, LiveResource> read(String type, List<ReadRequest> requests) {
    Map<String, Recorded> all = recorded();
    Map<String, Recorded> byId = new HashMap<>();
    all.values().forEach(r -> byId.putIfAbsent(r.id(), r));
    Map<String, LiveResource> out = new LinkedHashMap<>();
    for (ReadRequest q : requests) {
      Recorded r = all.get(q.name());
      if (r == null || !r.type().equals(type)) {
        r = q.id() == null ? null : byId.get(q.id());
      }
      if (r != null && r.type().equals(type)) {
        out.put(q.name(), new LiveResource(q.name(), r.id(), r.properties(), r.outputs()));
      }
    }
    return out;
  }

  /** Applies a batch (see the class comment); one result per change, in order. */
  synchronized List<ChangeResult> apply(List<Change> batch) {
    List<Change> forward = new ArrayList<>();
    for (Change c : batch) {
      if (snapshotOf(c) == null) {
        forward.add(c);
      }
    }
    Map<String, ChangeResult> byName = new HashMap<>();
    for (Change c : batch) {
      String snapshot = snapshotOf(c);
      if (snapshot != null) {
        byName.put(c.name() + "\u0000undo", rollbackTo(snapshot, c));
      }
    }
    if (!forward.isEmpty()) {
      List<ChangeResult> done = applyForward(forward);
      for (int i = 0; i < forward.size(); i++) {
        byName.put(forward.get(i).name(), done.get(i));
      }
    }
    List<ChangeResult> out = new ArrayList<>();
    for (Change c : batch) {
      out.add(byName.get(snapshotOf(c) != null ? c.name() + "\u0000undo" : c.name()));
    }
    return out;
  }

  private List<ChangeResult> applyForward(List<Change> batch) {
    Map<String, Recorded> before = recorded();
    String snapshot = snapshot(before);
    Map<String, ObjectNode> desired;
    try {
      desired = desired(before, batch);
    } catch (IllegalStateException masked) {
      return failedAll(batch, masked.getMessage());
    }
    ObjectNode planArgs = Json.object();
    planArgs.put("deploymentId", name);
    ArrayNode resources = planArgs.putArray("resources");
    desired.values().forEach(resources::add);
    RemoteServer.Answer plan = server.call("planDeployment", planArgs);
    if (!plan.success()) {
      return failedAll(batch, "planDeployment: " + plan.errorMessage());
    }
    JsonNode result = null;
    if (plan.data().path("hasChanges").asBoolean(true) && plan.data().hasNonNull("planId")) {
      ObjectNode applyArgs = Json.object();
      applyArgs.put("planId", plan.data().get("planId").asText());
      applyArgs.put("confirm", true);
      applyArgs.put("wait", true);
      ObjectNode options = applyArgs.putObject("options");
      // the orchestrator rolls back across servers; the server reports each change as it is
      options.put("rollbackOnFailure", false);
      RemoteServer.Answer applied;
      try {
        applied = server.call("applyDeployment", applyArgs);
      } catch (ProviderException e) {
        // the batch as a whole failed: put back what it may have done before saying so
        throw new ProviderException(e.getMessage() + undoAfterLostBatch(snapshot), e);
      }
      result =
          applied.success() ? applied.data() : applied.envelope().path("error").path("details");
      if (!applied.success() && !result.has("results")) {
        return failedAll(batch, "applyDeployment: " + applied.errorMessage());
      }
    }
    Map<String, Recorded> after = recorded();
    Map<String, JsonNode> outcome = new HashMap<>();
    if (result != null) {
      result.path("results").forEach(r -> outcome.put(r.path("resource").asText(), r));
    }
    List<ChangeResult> out = new ArrayList<>();
    for (Change c : batch) {
      JsonNode r = outcome.get(c.name());
      String status = r == null ? "complete" : r.path("status").asText();
      if (!"complete".equals(status)) {
        String error = r.path("error").asText("");
        out.add(
            ChangeResult.failed(
                c.name(),
                "on "
                    + server.spec().describe()
                    + ": "
                    + (error.isEmpty()
                        ? status + " (another change of the batch failed)"
                        : error)));
        continue;
      }
      Recorded now = after.get(c.name());
      Change undo = undoMark(c, snapshot);
      if (c.kind() == Change.Kind.DELETE) {
        out.add(new ChangeResult(c.name(), c.id(), null, Json.object(), undo, null));
      } else if (now == null) {
        out.add(
            ChangeResult.failed(
                c.name(), "on " + server.spec().describe() + ": not in its state after the apply"));
      } else {
        out.add(new ChangeResult(c.name(), now.id(), null, now.outputs(), undo, null));
      }
    }
    return out;
  }

  /** Takes the snapshot that undoing this batch returns to. */
  private String snapshot(Map<String, Recorded> before) {
    ObjectNode args = Json.object();
    args.put("deploymentId", name);
    args.put("description", "before an orchestrated batch");
    RemoteServer.Answer a = server.call("createSnapshot", args);
    if (!a.success()) {
      if ("NOT_FOUND".equals(a.errorCode()) && before.isEmpty()) {
        return NOTHING + java.util.UUID.randomUUID();
      }
      throw failure(a);
    }
    return a.data().path("snapshotId").asText(a.data().path("id").asText());
  }

  /** The server's whole desired part: what it has, with the batch applied. */
  private Map<String, ObjectNode> desired(Map<String, Recorded> before, List<Change> batch) {
    Map<String, ObjectNode> desired = new LinkedHashMap<>();
    Map<String, List<String>> recordedDeps = new HashMap<>();
    Set<String> changed = new HashSet<>();
    batch.forEach(c -> changed.add(c.name()));
    for (Recorded r : before.values()) {
      ObjectNode props = r.properties();
      if (!changed.contains(r.name()) && props.toString().contains(MASK)) {
        ObjectNode known = sent.get(r.name());
        if (known == null) {
          throw new IllegalStateException(
              "'"
                  + r.name()
                  + "' on this server has a secret the server answers masked, so the orchestrator"
                  + " cannot send the server's whole part; apply it in the same run as a change"
                  + " of that resource, or keep secrets on another server");
        }
        props = known;
      }
      desired.put(r.name(), resource(r.type(), r.name(), props));
      recordedDeps.put(r.name(), r.dependencies());
    }
    for (Change c : batch) {
      if (c.kind() == Change.Kind.DELETE) {
        desired.remove(c.name());
        sent.remove(c.name());
      } else {
        desired.put(c.name(), resource(c.type().name(), c.name(), c.desired()));
        sent.put(c.name(), c.desired().deepCopy());
        recordedDeps.remove(c.name());
      }
    }
    Dependencies.infer(desired, before, recordedDeps);
    return desired;
  }

  private static ObjectNode resource(String type, String name, ObjectNode properties) {
    ObjectNode r = Json.object();
    r.put("type", type);
    r.put("name", name);
    r.set("properties", properties == null ? Json.object() : properties.deepCopy());
    return r;
  }

  private Change undoMark(Change c, String snapshot) {
    ObjectNode mark = Json.object();
    mark.put(SNAPSHOT_MARK, snapshot);
    mark.put("server", server.name());
    Change.Kind kind =
        switch (c.kind()) {
          case CREATE -> Change.Kind.DELETE;
          case UPDATE -> Change.Kind.UPDATE;
          case DELETE -> Change.Kind.CREATE;
        };
    return new Change(kind, c.name(), c.type(), c.id(), c.desired(), c.prior(), mark);
  }

  private static String snapshotOf(Change c) {
    JsonNode mark = c.priorOutputs() == null ? null : c.priorOutputs().get(SNAPSHOT_MARK);
    return mark == null ? null : mark.asText();
  }

  /** Rolls the part back to a snapshot, once; later undos of the same batch are already done. */
  private ChangeResult rollbackTo(String snapshot, Change c) {
    if (rolledBack.contains(snapshot)) {
      return ChangeResult.ok(c.name(), c.id(), Json.object());
    }
    try {
      JsonNode result = restore(snapshot);
      rolledBack.add(snapshot);
      rollbacks.add(new ServerRollback(server.name(), snapshot, result, null));
      LOG.info("{}: rolled back to {}", server.spec().describe(), snapshot);
      return ChangeResult.ok(c.name(), c.id(), Json.object());
    } catch (ProviderException e) {
      rollbacks.add(new ServerRollback(server.name(), snapshot, null, e.getMessage()));
      return ChangeResult.failed(c.name(), e.getMessage());
    }
  }

  private JsonNode restore(String snapshot) {
    ObjectNode args = Json.object();
    args.put("confirm", true);
    RemoteServer.Answer a;
    if (snapshot.startsWith(NOTHING)) {
      args.put("deploymentId", name);
      a = server.call("destroyDeployment", args);
      if (!a.success() && "NOT_FOUND".equals(a.errorCode())) {
        return Json.object();
      }
    } else {
      args.put("snapshotId", snapshot);
      a = server.call("rollbackToSnapshot", args);
    }
    if (!a.success()) {
      throw new ProviderException(
          server.spec().describe()
              + " could not roll back to "
              + snapshot
              + ": "
              + a.errorMessage());
    }
    return a.data();
  }

  private String undoAfterLostBatch(String snapshot) {
    try {
      restore(snapshot);
      rolledBack.add(snapshot);
      rollbacks.add(new ServerRollback(server.name(), snapshot, null, null));
      return "; its part of this batch was rolled back to " + snapshot;
    } catch (ProviderException e) {
      rollbacks.add(new ServerRollback(server.name(), snapshot, null, e.getMessage()));
      return "; its part may be half-applied (a later apply converges): " + e.getMessage();
    }
  }

  private List<ChangeResult> failedAll(List<Change> batch, String message) {
    List<ChangeResult> out = new ArrayList<>();
    for (Change c : batch) {
      out.add(ChangeResult.failed(c.name(), "on " + server.spec().describe() + ": " + message));
    }
    return out;
  }

  private ProviderException failure(RemoteServer.Answer a) {
    return new ProviderException(
        server.spec().describe()
            + " refused "
            + a.tool()
            + ": "
            + a.errorCode()
            + " "
            + a.errorMessage());
  }

  private static ObjectNode object(JsonNode node) {
    return node instanceof ObjectNode o ? o.deepCopy() : Json.object();
  }
}
