package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.SchemaDefaults;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceState;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.Deposed;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.List;
import java.util.Map;

/**
 * Turns an action, its properties resolved, into the provider calls it takes: one for a create,
 * update or delete, two for a replacement (create then delete where the type allows it, else delete
 * then create). Each call knows what state records when it succeeds and how to undo it.
 */
final class StepPlanner {
  private final ProviderRegistry registry;
  private final String deployment;
  private final Map<String, ResourceRecord> recordedAtStart;

  StepPlanner(
      ProviderRegistry registry, String deployment, Map<String, ResourceRecord> recordedAtStart) {
    this.registry = registry;
    this.deployment = deployment;
    this.recordedAtStart = Map.copyOf(recordedAtStart);
  }

  /** Adds the node's calls to {@code first}, and a replacement's second call to {@code second}. */
  void plan(ActionNode n, List<Step> first, List<Step> second) {
    PlannedAction a = n.action;
    String salt = Values.salt(deployment, a.name());
    ObjectNode desired =
        n.resolved == null ? null : Secrets.revealObject(Records.withoutStandIns(n.resolved));
    ObjectNode recordedDesired =
        n.resolved == null ? null : Values.redact(n.type, salt, n.resolved);
    ResourceRecord prior = a.prior() == null ? null : prior(a);
    switch (a.action()) {
      case CREATE -> {
        String id = n.provider.newId(n.type, a.name(), desired);
        Change c =
            new Change(Change.Kind.CREATE, a.name(), n.type, id, null, desired, Json.object());
        ResourceRecord put = record(n, id, recordedDesired, Json.object());
        first.add(new Step(n, n.provider, c, put, null, Undo.of(n.provider, c, null, a.name())));
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
        first.add(new Step(n, n.provider, c, put, null, Undo.of(n.provider, c, prior, null)));
      }
      case DELETE -> {
        // a deposed object goes under its own name: a provider that knows objects by name (a
        // remote server) must not delete the resource's current one
        Change c =
            new Change(
                Change.Kind.DELETE, a.name(), n.type, a.id(), a.prior(), null, a.priorOutputs());
        first.add(new Step(n, n.provider, c, null, a.name(), Undo.of(n.provider, c, prior, null)));
      }
      case REPLACE -> replace(n, desired, recordedDesired, prior, first, second);
      case NO_OP -> throw new IllegalStateException("no-op is never scheduled");
    }
  }

  private void replace(
      ActionNode n,
      ObjectNode desired,
      ObjectNode recordedDesired,
      ResourceRecord prior,
      List<Step> first,
      List<Step> second) {
    PlannedAction a = n.action;
    Provider oldProvider = registry.providerFor(prior.type(), prior.provider());
    ResourceType priorType =
        oldProvider
            .resourceType(prior.type())
            .orElseThrow(() -> new IllegalStateException("unknown type " + prior.type()));
    String newId = n.provider.newId(n.type, a.name(), desired);
    Change create =
        new Change(Change.Kind.CREATE, a.name(), n.type, newId, null, desired, Json.object());
    Change delete =
        new Change(
            Change.Kind.DELETE, a.name(), priorType, a.id(), a.prior(), null, a.priorOutputs());
    ResourceRecord putNew = record(n, newId, recordedDesired, Json.object());
    Undo undoDelete = Undo.of(oldProvider, delete, prior, null);
    if (n.type.createBeforeDestroy() && oldProvider == n.provider) {
      // the old object stays until the new one exists, then is recorded as deposed until its
      // delete; undoing the create restores the old record under the resource's name
      ResourceRecord deposed = Deposed.of(prior);
      first.add(
          new Step(
              n,
              n.provider,
              create,
              putNew,
              null,
              deposed,
              Undo.of(n.provider, create, prior, deposed.name())));
      second.add(
          new Step(
              n,
              oldProvider,
              delete,
              null,
              deposed.name(),
              Undo.of(oldProvider, delete, deposed, null)));
    } else {
      first.add(new Step(n, oldProvider, delete, null, a.name(), undoDelete));
      second.add(
          new Step(
              n, n.provider, create, putNew, null, Undo.of(n.provider, create, null, a.name())));
    }
  }

  /** The record as it was before the action. */
  private ResourceRecord prior(PlannedAction a) {
    ResourceRecord atStart = recordedAtStart.get(a.name());
    return new ResourceRecord(
        a.name(),
        a.type(),
        a.provider(),
        a.id(),
        a.prior(),
        a.priorOutputs(),
        atStart == null ? List.of() : atStart.dependencies(),
        ResourceState.CREATED);
  }

  /** The record the action writes when it succeeds. */
  private static ResourceRecord record(
      ActionNode n, String id, ObjectNode properties, ObjectNode outputs) {
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
}
