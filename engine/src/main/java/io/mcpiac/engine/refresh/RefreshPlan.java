package io.mcpiac.engine.refresh;

import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.List;

/**
 * What a refresh would write to state (Terraform's {@code plan -refresh-only}): per resource whose
 * live object differs from its record, the live values, or that it is gone. Shown before anything
 * is written.
 *
 * @param stateVersion the version it was made from
 */
public record RefreshPlan(String deployment, long stateVersion, List<Entry> entries) {

  public RefreshPlan {
    entries = List.copyOf(entries);
  }

  /**
   * One resource.
   *
   * @param action the planner's view of it (its {@code drift} says what differs)
   * @param updated the record to write; null when the object is gone (the record is removed)
   * @param outputsMoved whether only (or also) its live outputs differ from the recorded ones
   */
  public record Entry(
      PlannedAction action, ResourceRecord recorded, ResourceRecord updated, boolean outputsMoved) {
    public boolean gone() {
      return updated == null;
    }
  }

  public boolean hasChanges() {
    return !entries.isEmpty();
  }

  /** The actions whose live object differs from state (gone ones included). */
  public List<PlannedAction> drifted() {
    return entries.stream().map(Entry::action).filter(a -> !a.drift().isEmpty()).toList();
  }

  public long gone() {
    return entries.stream().filter(Entry::gone).count();
  }
}
