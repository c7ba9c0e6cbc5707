package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.dag.DependencyGraph;
import io.mcpiac.engine.resources.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The checks of what resources say about each other: {@code dependsOn} names, {@code ${...}}
 * references (target, qualified type, attribute, syntax), self-references and cycles.
 */
final class ReferenceChecks {
  private final Deployment deployment;
  private final Map<String, Integer> indexByName;
  private final List<ResourceType> types;
  private final Findings findings;
  private final ExternalChecks externals;

  /**
   * @param indexByName the index of each name's first resource
   * @param types each resource's type, by index; null where unknown
   */
  ReferenceChecks(
      Deployment deployment,
      Map<String, Integer> indexByName,
      List<ResourceType> types,
      Findings findings) {
    this.deployment = deployment;
    this.indexByName = indexByName;
    this.types = types;
    this.findings = findings;
    this.externals = new ExternalChecks(deployment, findings);
  }

  void run() {
    for (int i = 0; i < deployment.resources().size(); i++) {
      ResourceConfig r = deployment.resources().get(i);
      if (r.name() != null) {
        checkDependsOn(i, r);
        checkReferences(i, r);
      }
    }
    checkCycles();
  }

  private void checkDependsOn(int index, ResourceConfig r) {
    for (int j = 0; j < r.dependsOn().size(); j++) {
      String target = r.dependsOn().get(j);
      String path = SourceMap.element("dependsOn", j);
      if (target.equals(r.name())) {
        findings.resource(
            index,
            DiagnosticCodes.SELF_REFERENCE,
            path,
            "'" + r.name() + "' cannot depend on itself");
      } else if (!indexByName.containsKey(target)) {
        findings.resource(
            index,
            DiagnosticCodes.UNKNOWN_DEPENDENCY,
            path,
            "depends on '"
                + target
                + "', but the deployment has no resource of that name"
                + Suggestions.didYouMean(target, indexByName.keySet()));
      }
    }
  }

  private void checkReferences(int index, ResourceConfig r) {
    if (r.properties() == null) {
      return;
    }
    PropertyPaths.forEachText(
        r.properties(),
        "properties",
        (path, text) -> {
          if (!text.contains("${")) {
            return;
          }
          for (String bad : References.malformed(text)) {
            findings.resource(
                index,
                DiagnosticCodes.MALFORMED_REFERENCE,
                path,
                "'"
                    + bad
                    + "' is not a reference; write ${name.attribute} or"
                    + " ${type:name.attribute}, or $${ for a literal ${");
          }
          for (Reference ref : References.find(TextNode.valueOf(text))) {
            checkReference(index, r, path, ref);
          }
        });
  }

  private void checkReference(int index, ResourceConfig r, String path, Reference ref) {
    if (ref.isExternal()) {
      externals.check(index, path, ref);
      return;
    }
    if (ref.name().equals(r.name())) {
      findings.resource(
          index,
          DiagnosticCodes.SELF_REFERENCE,
          path,
          "'" + ref.text() + "' refers to the resource itself");
      return;
    }
    Integer targetIndex = indexByName.get(ref.name());
    if (targetIndex == null && ExternalChecks.isExpansionOnly(ref)) {
      externals.checkExpansionOnly(index, path, ref);
      return;
    }
    if (targetIndex == null) {
      findings.resource(
          index,
          DiagnosticCodes.DANGLING_REFERENCE,
          path,
          "'"
              + ref.text()
              + "' refers to '"
              + ref.name()
              + "', but the deployment has no resource of that name"
              + Suggestions.didYouMean(ref.name(), indexByName.keySet()));
      return;
    }
    ResourceConfig target = deployment.resources().get(targetIndex);
    if (target.type() != null && !ref.qualifierMatches(target.type())) {
      findings.resource(
          index,
          DiagnosticCodes.REFERENCE_TYPE_MISMATCH,
          path,
          "'"
              + ref.text()
              + "' names type '"
              + ref.type()
              + "', but '"
              + ref.name()
              + "' is a '"
              + target.type()
              + "'");
      return;
    }
    checkAttribute(index, path, ref, target, types.get(targetIndex));
  }

  /** The attribute must be a property the target sets or an output its type declares. */
  private void checkAttribute(
      int index, String path, Reference ref, ResourceConfig target, ResourceType targetType) {
    if (targetType == null) {
      return; // the target's unknown type is reported on its own
    }
    String attribute = ref.attributeRoot();
    boolean isProperty = target.properties() != null && target.properties().has(attribute);
    // every resource has its provider's identifier as 'id' (an output of that name wins)
    if (isProperty || targetType.outputs().containsKey(attribute) || attribute.equals("id")) {
      return;
    }
    TreeSet<String> known = new TreeSet<>(targetType.outputs().keySet());
    known.add("id");
    if (target.properties() != null) {
      target.properties().fieldNames().forEachRemaining(known::add);
    }
    findings.resource(
        index,
        DiagnosticCodes.UNKNOWN_ATTRIBUTE,
        path,
        "'"
            + ref.text()
            + "': '"
            + ref.name()
            + "' ("
            + target.type()
            + ") has no property or output '"
            + attribute
            + "'"
            + Suggestions.didYouMean(attribute, known)
            + (known.isEmpty() ? "" : "; it has: " + String.join(", ", known)));
  }

  /** One diagnostic per group of resources that depend on each other in a circle. */
  private void checkCycles() {
    DependencyGraph graph = new DependencyGraph();
    List<DeploymentGraph.Edge> edges = new ArrayList<>();
    for (ResourceConfig r : deployment.resources()) {
      if (r.name() != null) {
        graph.addNode(r.name());
      }
    }
    for (ResourceConfig r : deployment.resources()) {
      for (DeploymentGraph.Edge edge : DeploymentGraph.edgesOf(r)) {
        // self-references and unknown names are reported above, not as cycles
        if (!edge.to().equals(edge.from()) && indexByName.containsKey(edge.to())) {
          graph.addEdge(edge.from(), edge.to());
          edges.add(edge);
        }
      }
    }
    for (List<String> found : graph.findCycles()) {
      List<String> cycle = startAtFirstDeclared(found);
      String from = cycle.get(0);
      String to = cycle.get(1);
      String path =
          edges.stream()
              .filter(e -> e.from().equals(from) && e.to().equals(to))
              .map(DeploymentGraph.Edge::property)
              .findFirst()
              .orElse(null);
      findings.resource(
          indexByName.get(from),
          DiagnosticCodes.DEPENDENCY_CYCLE,
          path,
          "dependency cycle: " + String.join(" -> ", cycle));
    }
  }

  /** The same closed path, starting at the resource written first: {@code [b, c, a, b]} → a. */
  private List<String> startAtFirstDeclared(List<String> cycle) {
    List<String> open = cycle.subList(0, cycle.size() - 1);
    int start = 0;
    for (int i = 1; i < open.size(); i++) {
      if (indexByName.get(open.get(i)) < indexByName.get(open.get(start))) {
        start = i;
      }
    }
    List<String> out = new ArrayList<>(open.subList(start, open.size()));
    out.addAll(open.subList(0, start));
    out.add(out.get(0));
    return out;
  }
}
