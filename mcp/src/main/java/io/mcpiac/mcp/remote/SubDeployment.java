package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.References;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.KeptSecrets;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.mcp.protocol.ToolArguments;
import java.util.ArrayList;
import java.util.Arrays;
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
 * getDeploymentState}. Each result carries an undo token ({@link UndoToken}): undoing any change of
 * a batch rolls the part back to the snapshot taken before that batch ({@code rollbackToSnapshot}),
 * once; the engine undoes in reverse order of completion, so the server ends where it was before
 * the orchestrator's first batch.
 *
 * <p>The server keys its part by name, so a replacement the orchestrator runs create-before-destroy
 * (create the new object, then delete the old one of the same name) is the server's own
 * replacement: sending the new properties makes the server create the new object and delete the old
 * one, in its type's order; the orchestrator's later delete of the old object then has nothing left
 * to do on the server.
 */
public final class SubDeployment {
  private static final Logger LOG = LoggerFactory.getLogger(SubDeployment.class);

  private final RemoteServer server;
  private final StandardToolsClient tools;
  private final String name;
  private final Set<UndoToken> rolledBack = new HashSet<>();
  private List<ResourceType> types;

  /**
   * The literal properties last sent for each resource. The server answers secret properties
   * masked, so an untouched resource with a secret that the run does not vouch for ({@link
   * KeptSecrets}) is resent from here; without either the batch is refused rather than overwriting
   * the secret with its mask.
   */
  private final Map<String, ObjectNode> sent = new HashMap<>();

  /**
   * The resources a create of this orchestrator has replaced on the server (the server replaced or
   * updated the object of that name itself), by name: the id of the old object, whose delete comes
   * next.
   */
  private final Map<String, String> replacedOnServer = new HashMap<>();

  private final List<ServerRollback> rollbacks = new ArrayList<>();

  /** What rolling a server back undid, for the result. */
  public record ServerRollback(String server, String snapshotId, JsonNode result, String error) {
    public boolean success() {
      return error == null;
    }
  }

  public SubDeployment(RemoteServer server, String name) {
    this.server = server;
    this.tools = new StandardToolsClient(server);
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

  /** The server's resource types, read once from its type documents. */
  synchronized List<ResourceType> types() {
    if (types == null) {
      types = tools.types();
    }
    return types;
  }

  /** The part as the server recorded it (empty before the first apply). */
  synchronized Map<String, Recorded> recorded() {
    Answered<Map<String, Recorded>> a = tools.state(name);
    if (!a.success()) {
      if (a.notFound()) {
        return new LinkedHashMap<>();
      }
      throw refused(a);
    }
    return a.value();
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

  /** Applies a batch that knows no secret of the part's untouched resources (an undo). */
  List<ChangeResult> apply(List<Change> batch) {
    return apply(batch, KeptSecrets.NONE);
  }

  /**
   * Applies a batch (see the class comment); one result per change, in order. Undos (changes with
   * this part's undo token) run first, then the other changes as one sub-deployment, where the
   * resources the batch does not change are restated as the server recorded them, their secrets
   * from {@code kept}.
   */
  synchronized List<ChangeResult> apply(List<Change> batch, KeptSecrets kept) {
    ChangeResult[] out = new ChangeResult[batch.size()];
    List<Integer> forward = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Change c = batch.get(i);
      if (c.isProviderUndo()) {
        out[i] = undo(UndoToken.decode(c.undoToken()), c);
      } else if (c.kind() == Change.Kind.DELETE
          && c.id() != null
          && c.id().equals(replacedOnServer.get(c.name()))) {
        replacedOnServer.remove(c.name());
        out[i] = done(c, c.id(), Json.object(), UndoToken.nothing());
      } else {
        forward.add(i);
      }
    }
    if (!forward.isEmpty()) {
      List<ChangeResult> done = applyForward(forward.stream().map(batch::get).toList(), kept);
      for (int i = 0; i < forward.size(); i++) {
        out[forward.get(i)] = done.get(i);
      }
    }
    return Arrays.asList(out);
  }

  private List<ChangeResult> applyForward(List<Change> batch, KeptSecrets kept) {
    Map<String, Recorded> before = recorded();
    UndoToken undo = snapshot(before);
    ToolArguments.Plan plan;
    try {
      plan = new ToolArguments.Plan(name, desired(before, batch, kept));
    } catch (IllegalStateException masked) {
      return failedAll(batch, masked.getMessage());
    }
    Answered<StandardToolsClient.Planned> planned = tools.plan(plan);
    if (!planned.success()) {
      return failedAll(batch, planned.refusal());
    }
    Map<String, StandardToolsClient.Outcome> outcome = Map.of();
    if (planned.value().hasChanges() && planned.value().planId() != null) {
      // the orchestrator rolls back across servers; the server reports each change as it is
      ExecutionOptions options =
          new ExecutionOptions(ExecutionOptions.DEFAULTS.parallelism(), false, false);
      Answered<Map<String, StandardToolsClient.Outcome>> applied;
      try {
        applied =
            tools.apply(new ToolArguments.Apply(planned.value().planId(), true, true, options));
      } catch (ProviderException e) {
        // the batch as a whole failed: put back what it may have done before saying so
        throw new ProviderException(e.getMessage() + undoAfterLostBatch(undo), e);
      }
      if (applied.value() == null) {
        return failedAll(batch, applied.refusal());
      }
      outcome = applied.value();
    }
    Map<String, Recorded> after = recorded();
    List<ChangeResult> out = new ArrayList<>();
    for (Change c : batch) {
      StandardToolsClient.Outcome r = outcome.get(c.name());
      if (r != null && !r.complete()) {
        out.add(
            ChangeResult.failed(
                c.name(),
                "on "
                    + server.spec().describe()
                    + ": "
                    + (r.error().isEmpty()
                        ? r.status() + " (another change of the batch failed)"
                        : r.error())));
        continue;
      }
      Recorded now = after.get(c.name());
      if (c.kind() == Change.Kind.DELETE) {
        out.add(done(c, c.id(), Json.object(), undo));
      } else if (now == null) {
        out.add(
            ChangeResult.failed(
                c.name(), "on " + server.spec().describe() + ": not in its state after the apply"));
      } else {
        Recorded old = before.get(c.name());
        if (c.kind() == Change.Kind.CREATE && old != null && old.id() != null) {
          replacedOnServer.put(c.name(), old.id());
        }
        out.add(done(c, now.id(), now.outputs(), undo));
      }
    }
    return out;
  }

  /** A change that succeeded, undone by {@code undo}. */
  private static ChangeResult done(Change c, String id, ObjectNode outputs, UndoToken undo) {
    Change.Kind inverse =
        switch (c.kind()) {
          case CREATE -> Change.Kind.DELETE;
          case UPDATE -> Change.Kind.UPDATE;
          case DELETE -> Change.Kind.CREATE;
        };
    Change undoChange =
        new Change(inverse, c.name(), c.type(), id, c.desired(), c.prior(), outputs)
            .withUndoToken(undo.encode());
    return new ChangeResult(c.name(), id, null, outputs, undoChange, null);
  }

  /** Takes the snapshot that undoing this batch returns to. */
  private UndoToken snapshot(Map<String, Recorded> before) {
    Answered<String> a =
        tools.snapshot(new ToolArguments.CreateSnapshot(name, "before an orchestrated batch"));
    if (!a.success()) {
      if (a.notFound() && before.isEmpty()) {
        return UndoToken.destroyPart();
      }
      throw refused(a);
    }
    return UndoToken.snapshot(a.value());
  }

  /** The server's whole desired part: what it has, with the batch applied. */
  private List<ToolArguments.Resource> desired(
      Map<String, Recorded> before, List<Change> batch, KeptSecrets kept) {
    Map<String, ObjectNode> desired = new LinkedHashMap<>();
    Map<String, List<String>> recordedDeps = new HashMap<>();
    Map<String, List<String>> keptByServer = new HashMap<>();
    Set<String> changed = new HashSet<>();
    batch.forEach(c -> changed.add(c.name()));
    for (Recorded r : before.values()) {
      ObjectNode props = r.properties();
      if (!changed.contains(r.name()) && hasSecret(r)) {
        props = restated(r, kept, keptByServer);
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
    List<ToolArguments.Resource> out = new ArrayList<>();
    for (ObjectNode r : desired.values()) {
      List<String> deps = new ArrayList<>();
      r.path("dependsOn").forEach(d -> deps.add(d.asText()));
      String type = r.path("type").asText();
      String resource = r.path("name").asText();
      out.add(
          new ToolArguments.Resource(
              type,
              resource,
              wire(type, resource, (ObjectNode) r.get("properties")),
              deps,
              keptByServer.getOrDefault(resource, List.of())));
    }
    return out;
  }

  /**
   * The properties as the server must receive them. A secret in a property the server's type keeps
   * secret goes as its text (serialised, it would be its stand-in); a secret anywhere else would be
   * kept in clear in the server's state, so the batch is refused naming it.
   */
  private ObjectNode wire(String type, String resource, ObjectNode properties) {
    ObjectNode out = properties.deepCopy();
    Set<String> secret = type(type).map(ResourceType::secretProperties).orElse(Set.of());
    for (String p : secret) {
      if (out.has(p)) {
        out.set(p, Secrets.reveal(out.get(p)));
      }
    }
    out.fields()
        .forEachRemaining(
            e -> {
              if (Secrets.containsSecret(e.getValue())) {
                throw new IllegalStateException(
                    "'"
                        + resource
                        + "' has a secret value in '"
                        + e.getKey()
                        + "', which "
                        + type
                        + " on this server does not keep secret (its state would hold it in"
                        + " clear); use a property the type declares secret, or keep this value on"
                        + " another server");
              }
            });
    return out;
  }

  /**
   * An untouched resource with a secret, as the server must receive it again: what it recorded,
   * with the secrets this run's own configuration gives (the engine gives only those whose digest
   * is the recorded one), or else as this orchestrator last sent it. Without either (a destroy,
   * which has no configuration; a resource of another deployment on the same part) the secrets are
   * left out and the server is asked to keep what it holds ({@code keepSecrets}, added to {@code
   * keep}): it refuses only if it would have to write the resource, never overwriting a secret with
   * its mask.
   */
  private ObjectNode restated(Recorded r, KeptSecrets kept, Map<String, List<String>> keep) {
    Set<String> held = secretsHeld(r);
    java.util.Optional<Map<String, JsonNode>> secrets = kept.of(r.type(), r.name());
    if (secrets.isPresent() && secrets.get().keySet().containsAll(held)) {
      ObjectNode props = r.properties().deepCopy();
      secrets.get().forEach((path, value) -> References.put(props, path, value));
      return props;
    }
    ObjectNode known = sent.get(r.name());
    if (known != null) {
      return known;
    }
    ObjectNode props = r.properties().deepCopy();
    held.forEach(path -> References.remove(props, path));
    keep.put(r.name(), List.copyOf(held));
    return props;
  }

  private java.util.Optional<ResourceType> type(String name) {
    return types().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * Whether the server holds a secret of this resource, which it answers masked: the type's schema
   * names its secret properties ({@code x-secretProperties} of the type document).
   */
  private boolean hasSecret(Recorded r) {
    return !secretsHeld(r).isEmpty();
  }

  /** The declared secret properties the server holds a value of for this resource. */
  private Set<String> secretsHeld(Recorded r) {
    Set<String> out = new java.util.TreeSet<>();
    type(r.type())
        .ifPresent(
            t ->
                t.secretProperties().stream()
                    .filter(
                        p -> {
                          JsonNode v = References.at(r.properties(), p);
                          return v != null && !v.isNull();
                        })
                    .forEach(out::add));
    return out;
  }

  private static ObjectNode resource(String type, String name, ObjectNode properties) {
    ObjectNode r = Json.object();
    r.put("type", type);
    r.put("name", name);
    r.set("properties", properties == null ? Json.object() : properties.deepCopy());
    return r;
  }

  /** Undoes the batch a token belongs to, once; later undos of the same batch are already done. */
  private ChangeResult undo(UndoToken token, Change c) {
    if (token.kind() == UndoToken.Kind.NOTHING || rolledBack.contains(token)) {
      return ChangeResult.ok(c.name(), c.id(), Json.object());
    }
    try {
      JsonNode result = restore(token);
      rolledBack.add(token);
      rollbacks.add(new ServerRollback(server.name(), token.describe(), result, null));
      LOG.info("{}: rolled back to {}", server.spec().describe(), token.describe());
      return ChangeResult.ok(c.name(), c.id(), Json.object());
    } catch (ProviderException e) {
      rollbacks.add(new ServerRollback(server.name(), token.describe(), null, e.getMessage()));
      return ChangeResult.failed(c.name(), e.getMessage());
    }
  }

  private JsonNode restore(UndoToken token) {
    Answered<JsonNode> a;
    if (token.kind() == UndoToken.Kind.DESTROY_PART) {
      a = tools.destroy(new ToolArguments.Destroy(name, true));
      if (!a.success() && a.notFound()) {
        return Json.object();
      }
    } else {
      a = tools.rollback(new ToolArguments.RollbackToSnapshot(token.value(), true));
    }
    if (!a.success()) {
      throw new ProviderException(
          server.spec().describe()
              + " could not roll back to "
              + token.describe()
              + ": "
              + a.errorMessage());
    }
    return a.value();
  }

  private String undoAfterLostBatch(UndoToken token) {
    try {
      restore(token);
      rolledBack.add(token);
      rollbacks.add(new ServerRollback(server.name(), token.describe(), null, null));
      return "; its part of this batch was rolled back to " + token.describe();
    } catch (ProviderException e) {
      rollbacks.add(new ServerRollback(server.name(), token.describe(), null, e.getMessage()));
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

  private ProviderException refused(Answered<?> a) {
    return new ProviderException(server.spec().describe() + " refused " + a.refusal());
  }
}
