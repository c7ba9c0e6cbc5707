package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.PlannedChange;
import java.util.List;

/**
 * One resource's planned action.
 *
 * @param provider the provider instance
 * @param id the existing object's id (null for a create)
 * @param dependencies the names this action waits for: configured dependencies for creates and
 *     updates, recorded dependents' names for deletes (a delete waits for what depends on it)
 * @param properties the desired properties, resolved as far as known at plan time (unknown values
 *     and secrets appear as their stand-ins)
 * @param prior the recorded properties (null for a create)
 * @param priorOutputs the recorded outputs (empty for a create)
 * @param plannedOutputs the outputs already known at plan time
 * @param changes the property changes (update and replace), or every property (create, delete)
 * @param drift where the live object differs from what state recorded
 * @param reason why, in a few words: "not in state", "removed from the configuration", "deleted
 *     outside mcp-iac", "port forces replacement"
 * @param stage the wave of the dependency graph: the seed's stage picture
 */
public record PlannedAction(
    String name,
    String type,
    String provider,
    ActionType action,
    String id,
    List<String> dependencies,
    ObjectNode properties,
    ObjectNode prior,
    ObjectNode priorOutputs,
    ObjectNode plannedOutputs,
    List<PropertyChange> changes,
    List<PropertyChange> drift,
    String reason,
    int stage) {

  public PlannedAction {
    dependencies = List.copyOf(dependencies);
    changes = List.copyOf(changes);
    drift = List.copyOf(drift);
  }

  public boolean changesSomething() {
    return action != ActionType.NO_OP;
  }

  /** This action as a provider's preflight sees it (providers do not know the plan's types). */
  public PlannedChange forProvider() {
    return new PlannedChange(
        name, type, PlannedChange.Kind.valueOf(action.name()), id, properties, prior);
  }
}
