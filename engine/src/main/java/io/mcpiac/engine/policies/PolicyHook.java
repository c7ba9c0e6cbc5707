package io.mcpiac.engine.policies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import java.util.List;

/**
 * Where the engine lets policies (a separate module; the engine knows no rule language) look at
 * what it is about to do. {@link #NONE} looks at nothing, so a deployment without policies pays
 * nothing.
 */
public interface PolicyHook {
  PolicyHook NONE = new PolicyHook() {};

  /**
   * A plan as made, before anyone sees or applies it: returns it with advisory violations and
   * exceptions as warnings, or throws {@link PolicyViolationException} for mandatory violations.
   */
  default Plan review(Plan plan) {
    return plan;
  }

  /**
   * Just before an action runs whose planned properties held values unknown at plan time: the
   * mandatory violations its now-resolved properties bring (the action then fails, and the run
   * rolls back as for any failure).
   *
   * @param resolved the action's properties, every reference resolved
   */
  default List<PolicyViolation> beforeAction(PlannedAction action, ObjectNode resolved) {
    return List.of();
  }
}
