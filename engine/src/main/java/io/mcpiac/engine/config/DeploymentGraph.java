package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.dag.DependencyGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The dependency graph of a deployment's resources, by name: every reference ({@code ${b.ip}} in
 * a's properties means a depends on b) and every {@code dependsOn} entry is an edge.
 */
public final class DeploymentGraph {
  /**
   * One "depends on" edge and where it was written.
   *
   * @param property {@code properties.input}, {@code properties.servers[1]} or {@code dependsOn[0]}
   */
  public record Edge(String from, String to, String property) {}

  private DeploymentGraph() {}

  /**
   * All resources as nodes (in the deployment's order) with an edge for each reference and {@code
   * dependsOn} entry naming a resource of the deployment; names it does not have are left out (the
   * validator reports them). A validated deployment's graph has no cycle.
   */
  public static DependencyGraph of(Deployment deployment) {
    DependencyGraph graph = new DependencyGraph();
    Set<String> names = new LinkedHashSet<>();
    for (ResourceConfig r : deployment.resources()) {
      if (r.name() != null) {
        graph.addNode(r.name());
        names.add(r.name());
      }
    }
    for (ResourceConfig r : deployment.resources()) {
      for (Edge edge : edgesOf(r)) {
        if (names.contains(edge.to())) {
          graph.addEdge(edge.from(), edge.to());
        }
      }
    }
    return graph;
  }

  /**
   * The names a resource depends on, each once, in order of appearance: its references first, then
   * {@code dependsOn}. Never itself.
   */
  public static List<String> dependenciesOf(ResourceConfig resource) {
    Set<String> out = new LinkedHashSet<>();
    for (Edge edge : edgesOf(resource)) {
      if (!edge.to().equals(resource.name())) {
        out.add(edge.to());
      }
    }
    return List.copyOf(out);
  }

  /** Every edge out of a resource, with where it was written; may name unknown resources. */
  public static List<Edge> edgesOf(ResourceConfig resource) {
    List<Edge> edges = new ArrayList<>();
    if (resource.name() == null) {
      return edges;
    }
    if (resource.properties() != null) {
      PropertyPaths.forEachText(
          resource.properties(),
          "properties",
          (path, text) -> {
            if (text.contains("${")) {
              for (Reference ref : References.find(TextNode.valueOf(text))) {
                if (!ref.isExternal()) {
                  edges.add(new Edge(resource.name(), ref.name(), path));
                }
              }
            }
          });
    }
    List<String> dependsOn = resource.dependsOn();
    for (int i = 0; i < dependsOn.size(); i++) {
      edges.add(new Edge(resource.name(), dependsOn.get(i), SourceMap.element("dependsOn", i)));
    }
    return edges;
  }
}
