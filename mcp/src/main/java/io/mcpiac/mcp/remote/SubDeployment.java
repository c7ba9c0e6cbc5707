package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.KeptSecrets;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.Deposed;
import io.mcpiac.mcp.protocol.ToolArguments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>{@link DesiredPart} builds what is sent, {@link PartRollbacks} undoes batches.
 */
public final class SubDeployment {
  private final RemoteServer server;
  private final StandardToolsClient tools;
  private final String name;
  private final DesiredPart desired = new DesiredPart(this::types);
  private final PartRollbacks rollbacks;
  private List<ResourceType> types;

  /**
   * The resources a create of this orchestrator has replaced on the server (the server replaced or
   * updated the object of that name itself), by name: the id of the old object, whose delete comes
   * next.
   */
  private final Map<String, String> replacedOnServer = new HashMap<>();

  public SubDeployment(RemoteServer server, String name) {
    this.server = server;
    this.tools = new StandardToolsClient(server);
    this.name = name;
    this.rollbacks = new PartRollbacks(server, tools, name);
  }

  public RemoteServer server() {
    return server;
  }

  public String name() {
    return name;
  }

  /** Every rollback of this server so far, oldest first. */
  public synchronized List<ServerRollback> rollbacks() {
    return rollbacks.all();
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
        out[i] = rollbacks.undo(UndoToken.decode(c.undoToken()), c);
      } else if (c.kind() == Change.Kind.DELETE
          && c.id() != null
          && c.id().equals(replacedOnServer.get(c.name()))) {
        replacedOnServer.remove(c.name());
        out[i] = done(c, c.id(), Json.object(), UndoToken.nothing());
      } else if (c.kind() == Change.Kind.DELETE && Deposed.resourceOf(c.name()).isPresent()) {
        // the old object of a replacement, left recorded by a run that stopped: on a server the
        // replacement is the server's own, which deleted the old object when it made the new one;
        // the server knows its resources by name, and deleting that name would delete the new one
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
      plan = new ToolArguments.Plan(name, desired.of(before, batch, kept));
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
        throw new ProviderException(e.getMessage() + rollbacks.afterLostBatch(undo), e);
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
