package io.mcpiac.engine.config;

import io.mcpiac.engine.dag.DependencyGraph;

/** The dependency graph of a deployment's resources: from references and {@code dependsOn}. */
public final class DeploymentGraph {
  private DeploymentGraph() {}

  /** Edges to names that do not exist are left out; validation reports them. */
  public static DependencyGraph of(Deployment deployment) {
    DependencyGraph graph = new DependencyGraph();
    java.util.Set<String> names = new java.util.HashSet<>();
    deployment.resources().forEach(r -> names.add(r.name()));
    for (ResourceConfig r : deployment.resources()) {
      graph.addNode(r.name());
      for (String dep : r.dependsOn()) {
        if (names.contains(dep) && !dep.equals(r.name())) {
          graph.addEdge(r.name(), dep);
        }
      }
      for (Reference ref : References.find(r.properties())) {
        if (names.contains(ref.name()) && !ref.name().equals(r.name())) {
          graph.addEdge(r.name(), ref.name());
        }
      }
    }
    return graph;
  }
}
