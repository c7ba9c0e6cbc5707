package io.mcpiac.engine.plans;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.providers.ImpliedDependency;
import io.mcpiac.engine.providers.Placement;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the dependencies providers imply ({@link Provider#impliedDependencies}) to the configuration
 * before its graph is built, as {@code dependsOn} entries, and collects their plan notes. An edge
 * that would close a cycle with the file's own edges is left out: the file's order wins.
 */
final class ImpliedOrder {
  record Result(Deployment deployment, List<PlanWarning> notes) {}

  private ImpliedOrder() {}

  static Result apply(ProviderRegistry registry, Deployment deployment) {
    Map<String, Map<String, List<Placement>>> byInstance = new LinkedHashMap<>();
    for (ResourceConfig r : deployment.resources()) {
      byInstance
          .computeIfAbsent(r.providerInstance(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.type(), k -> new ArrayList<>())
          .add(new Placement(r.name(), r.properties(), null));
    }
    Map<String, Set<String>> extra = new LinkedHashMap<>();
    List<PlanWarning> notes = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Placement>>> e : byInstance.entrySet()) {
      String firstType = e.getValue().keySet().iterator().next();
      Provider provider = registry.providerFor(firstType, e.getKey());
      for (ImpliedDependency d : provider.impliedDependencies(e.getValue())) {
        if (d.from().equals(d.to())) {
          continue;
        }
        extra.computeIfAbsent(d.from(), k -> new LinkedHashSet<>()).add(d.to());
        if (d.note() != null) {
          notes.add(PlanWarning.note("'" + d.from() + "': " + d.note()));
        }
      }
    }
    if (extra.isEmpty()) {
      return new Result(deployment, notes);
    }
    Map<String, ResourceConfig> byName = new LinkedHashMap<>();
    deployment.resources().forEach(r -> byName.put(r.name(), r));
    List<ResourceConfig> out = new ArrayList<>();
    for (ResourceConfig r : deployment.resources()) {
      Set<String> add = extra.getOrDefault(r.name(), Set.of());
      List<String> dependsOn = new ArrayList<>(r.dependsOn());
      for (String to : add) {
        if (byName.containsKey(to) && !dependsOn.contains(to) && !reaches(byName, to, r.name())) {
          dependsOn.add(to);
        }
      }
      out.add(dependsOn.size() == r.dependsOn().size() ? r : r.withDependsOn(dependsOn));
    }
    return new Result(deployment.withResources(out), notes);
  }

  /** Whether {@code from} already depends, through the file's edges, on {@code to}. */
  private static boolean reaches(Map<String, ResourceConfig> byName, String from, String to) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(List.of(from));
    while (!todo.isEmpty()) {
      String n = todo.remove(todo.size() - 1);
      if (n.equals(to)) {
        return true;
      }
      ResourceConfig r = byName.get(n);
      if (r != null && seen.add(n)) {
        todo.addAll(io.mcpiac.engine.config.DeploymentGraph.dependenciesOf(r));
      }
    }
    return false;
  }
}
