package io.mcpiac.engine.plans;

import io.mcpiac.engine.dag.DependencyGraph;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The dependency graph of a plan's actions that change something: what the executor walks and what
 * the seed's stages are the waves of. Dependencies on resources the plan leaves alone are not edges
 * (there is nothing to wait for).
 */
public final class ActionGraph {
  private ActionGraph() {}

  public static DependencyGraph of(Collection<PlannedAction> actions) {
    Set<String> changing = new LinkedHashSet<>();
    actions.stream().filter(PlannedAction::changesSomething).forEach(a -> changing.add(a.name()));
    DependencyGraph graph = new DependencyGraph();
    for (PlannedAction a : actions) {
      if (!changing.contains(a.name())) {
        continue;
      }
      graph.addNode(a.name());
      for (String dep : a.dependencies()) {
        if (changing.contains(dep)) {
          graph.addEdge(a.name(), dep);
        }
      }
    }
    return graph;
  }
}
