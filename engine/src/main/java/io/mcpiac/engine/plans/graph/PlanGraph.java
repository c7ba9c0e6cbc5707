package io.mcpiac.engine.plans.graph;

import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as a graph to draw: one node per resource with its action and stage, one edge per "runs
 * after" relation (a dependency before its dependent; a dependent's change before a delete), and
 * the layer of each node (its longest chain of predecessors), which every renderer lays out by.
 */
public record PlanGraph(String deployment, List<Node> nodes, List<Edge> edges, int layers) {
  /**
   * @param stage the plan's stage (1-based) of a changing action, 0 for a no-op
   * @param layer the column/row of the layout, 0-based
   */
  public record Node(String name, String type, ActionType action, int stage, int layer) {
    /** {@code +}, {@code ~}, {@code -/+}, {@code -} or blank for a no-op. */
    public String symbol() {
      return switch (action) {
        case CREATE -> "+";
        case UPDATE -> "~";
        case REPLACE -> "-/+";
        case DELETE -> "-";
        case NO_OP -> "";
      };
    }
  }

  /** {@code from} runs before {@code to}. */
  public record Edge(String from, String to) {}

  public static PlanGraph of(Plan plan) {
    Map<String, PlannedAction> byName = new LinkedHashMap<>();
    plan.actions().forEach(a -> byName.put(a.name(), a));
    List<Edge> edges = new ArrayList<>();
    for (PlannedAction a : byName.values()) {
      for (String dep : a.dependencies()) {
        if (byName.containsKey(dep)) {
          edges.add(new Edge(dep, a.name()));
        }
      }
    }
    Map<String, Integer> layer = new HashMap<>();
    byName.keySet().forEach(n -> layerOf(n, byName, layer, new java.util.HashSet<>()));
    List<Node> nodes = new ArrayList<>();
    int layers = 0;
    for (PlannedAction a : byName.values()) {
      int l = layer.get(a.name());
      layers = Math.max(layers, l + 1);
      nodes.add(
          new Node(a.name(), a.type(), a.action(), a.changesSomething() ? a.stage() + 1 : 0, l));
    }
    return new PlanGraph(plan.deploymentName(), List.copyOf(nodes), List.copyOf(edges), layers);
  }

  /** What state recorded, as a graph of no-ops: the deployment as it stands. */
  public static PlanGraph ofState(io.mcpiac.engine.states.DeploymentState state) {
    List<PlannedAction> actions = new ArrayList<>();
    for (var r : state.resources().values()) {
      actions.add(
          new PlannedAction(
              r.name(),
              r.type(),
              r.provider(),
              ActionType.NO_OP,
              r.id(),
              r.dependencies(),
              r.properties(),
              r.properties(),
              r.outputs(),
              r.outputs(),
              List.of(),
              List.of(),
              "recorded",
              -1));
    }
    return of(
        new Plan(
            "state",
            state.name(),
            java.time.Instant.now(),
            state.version(),
            "",
            actions,
            List.of(),
            null,
            List.of()));
  }

  private static int layerOf(
      String name,
      Map<String, PlannedAction> byName,
      Map<String, Integer> layer,
      java.util.Set<String> visiting) {
    Integer known = layer.get(name);
    if (known != null) {
      return known;
    }
    int l = 0;
    if (visiting.add(name)) { // a plan has no cycles; the guard only keeps a bad one finite
      for (String dep : byName.get(name).dependencies()) {
        if (byName.containsKey(dep)) {
          l = Math.max(l, layerOf(dep, byName, layer, visiting) + 1);
        }
      }
    }
    layer.put(name, l);
    return l;
  }
}
