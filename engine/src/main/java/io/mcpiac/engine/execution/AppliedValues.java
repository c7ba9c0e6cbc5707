package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.ExternalValues;
import io.mcpiac.engine.config.Reference;
import io.mcpiac.engine.config.ReferenceTarget;
import io.mcpiac.engine.config.References;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What references resolve to during an apply: a resource of the run as it has been applied so far,
 * one the plan leaves alone as planned, and external values (secrets, sensitive variables) read
 * here, just before the call that needs them.
 */
final class AppliedValues {
  private final Plan plan;
  private final ProviderRegistry registry;
  private final Map<String, ActionNode> nodes;
  private final Map<String, ResourceConfig> configs = new HashMap<>();
  private final Map<String, PlannedAction> actions = new HashMap<>();
  private final Map<String, ObjectNode> settled = new ConcurrentHashMap<>();
  private final ExternalValues externals;

  /**
   * @param outputsOf other deployments' recorded outputs
   */
  AppliedValues(
      Plan plan,
      ProviderRegistry registry,
      Map<String, ActionNode> nodes,
      Function<String, Optional<ObjectNode>> outputsOf) {
    this.plan = plan;
    this.registry = registry;
    this.nodes = nodes;
    plan.deployment().resources().forEach(r -> configs.put(r.name(), r));
    plan.actions().forEach(a -> actions.put(a.name(), a));
    this.externals = new ExternalValues(plan.deployment(), outputsOf, System::getenv);
  }

  /** The node's properties with references resolved against what is now applied. */
  ObjectNode resolve(ActionNode n) {
    if (n.action.action() == ActionType.DELETE) {
      return null;
    }
    ObjectNode raw = n.config != null ? n.config.properties() : n.action.properties();
    ObjectNode resolved =
        plan.deployment()
            .markSensitive(
                n.name(),
                Secrets.markDeclared(
                    n.type,
                    n.provider.canonical(n.type, References.resolveObject(raw, this::lookup))));
    if (Values.containsUnknown(resolved)) {
      throw new IllegalStateException(
          "a referenced value of '"
              + n.name()
              + "' is still unknown after its dependencies were applied");
    }
    return resolved;
  }

  private JsonNode lookup(Reference ref) {
    if (ref.isExternal()) {
      return externals.value(ref);
    }
    ActionNode target = nodes.get(ref.name());
    if (target != null) {
      String id = target.id != null ? target.id : target.action.id();
      return new ReferenceTarget(target.type, id, target.resolved, target.outputs).value(ref);
    }
    PlannedAction left = actions.get(ref.name());
    if (left == null) {
      return null;
    }
    return new ReferenceTarget(
            registry.type(left.type()).orElse(null),
            left.id(),
            settledProperties(left),
            left.plannedOutputs())
        .value(ref);
  }

  /** The resolved properties of a resource this plan leaves alone, for references to it. */
  private ObjectNode settledProperties(PlannedAction left) {
    ObjectNode cached = settled.get(left.name());
    if (cached != null) {
      return cached;
    }
    ObjectNode resolved = untouched(left);
    settled.put(left.name(), resolved);
    return resolved;
  }

  /**
   * The properties of a resource this plan leaves alone, resolved now (secrets marked), not kept:
   * asked before its references' targets are applied, they must not become what later references to
   * it see.
   */
  ObjectNode untouched(PlannedAction left) {
    ResourceConfig config = configs.get(left.name());
    ObjectNode raw = config != null ? config.properties() : left.properties();
    return plan.deployment()
        .markSensitive(
            left.name(),
            Secrets.markDeclared(
                registry.type(left.type()).orElse(null),
                References.resolveObject(raw, this::lookup)));
  }
}
