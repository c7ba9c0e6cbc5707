package io.mcpiac.engine.plans;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.Deposed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's {@code -target}: a plan restricted to some resources, their deposed old objects, and
 * everything their actions wait for (what they depend on; for a delete, what depended on it). Every
 * other action becomes a no-op, so nothing else is touched, and the plan warns that it is partial.
 */
public final class Targeting {
  private Targeting() {}

  public static Plan restrict(Plan plan, Set<String> targets) {
    if (targets.isEmpty()) {
      return plan;
    }
    Map<String, PlannedAction> byName = new LinkedHashMap<>();
    plan.actions().forEach(a -> byName.put(a.name(), a));
    Set<String> keep = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(targets);
    // a targeted resource's deposed old objects go with it, as with Terraform's -target
    byName.keySet().stream()
        .filter(n -> Deposed.resourceOf(n).filter(targets::contains).isPresent())
        .forEach(todo::add);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      PlannedAction a = byName.get(name);
      if (a != null && keep.add(name)) {
        todo.addAll(a.dependencies());
      }
    }
    Map<String, PlannedAction> actions = new LinkedHashMap<>();
    for (PlannedAction a : byName.values()) {
      actions.put(a.name(), keep.contains(a.name()) ? a : untouched(a));
    }
    List<List<String>> stages = Planner.stages(actions);
    Map<String, Integer> stageOf = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      for (String n : stages.get(i)) {
        stageOf.put(n, i);
      }
    }
    List<PlannedAction> out = new ArrayList<>();
    actions
        .values()
        .forEach(a -> out.add(Planner.withStage(a, stageOf.getOrDefault(a.name(), -1))));
    List<PlanWarning> warnings = new ArrayList<>(plan.warnings());
    warnings.add(
        PlanWarning.note(
            "resource targeting is in effect: only "
                + String.join(", ", keep)
                + " planned; other changes may be pending (run without --target to see them)"));
    return new Plan(
        plan.id(),
        plan.deploymentName(),
        plan.createdAt(),
        plan.stateVersion(),
        plan.fingerprint(),
        out,
        stages,
        plan.deployment(),
        warnings,
        plan.activations());
  }

  /** Left as it is: what state recorded stays. */
  private static PlannedAction untouched(PlannedAction a) {
    if (!a.changesSomething()) {
      return a;
    }
    return new PlannedAction(
        a.name(),
        a.type(),
        a.provider(),
        ActionType.NO_OP,
        a.id(),
        a.dependencies(),
        a.properties(),
        a.prior(),
        a.priorOutputs(),
        a.priorOutputs() == null ? Json.object() : a.priorOutputs(),
        List.of(),
        a.drift(),
        "not targeted",
        -1);
  }
}
