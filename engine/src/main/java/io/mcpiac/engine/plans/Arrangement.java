package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Placement;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds what providers derive from the order of the file ({@link Provider#arrange}) to the
 * configuration before it is planned, so the plan shows it, apply writes it and state records it.
 */
final class Arrangement {
  private Arrangement() {}

  static Deployment apply(
      ProviderRegistry registry, Deployment deployment, DeploymentState recorded) {
    Map<String, List<ResourceConfig>> groups = new LinkedHashMap<>();
    for (ResourceConfig r : deployment.resources()) {
      groups
          .computeIfAbsent(r.providerInstance() + "\u0000" + r.type(), k -> new ArrayList<>())
          .add(r);
    }
    Map<String, ObjectNode> extras = new LinkedHashMap<>();
    for (List<ResourceConfig> group : groups.values()) {
      ResourceConfig first = group.get(0);
      Provider provider = registry.providerFor(first.type(), first.providerInstance());
      ResourceType type = provider.resourceType(first.type()).orElse(null);
      if (type == null) {
        continue;
      }
      List<Placement> placements = new ArrayList<>();
      for (ResourceConfig r : group) {
        ResourceRecord rec = recorded.resources().get(r.name());
        boolean same =
            rec != null
                && rec.type().equals(r.type())
                && rec.provider().equals(r.providerInstance());
        placements.add(new Placement(r.name(), r.properties(), same ? rec.properties() : null));
      }
      extras.putAll(provider.arrange(type, placements));
    }
    if (extras.isEmpty()) {
      return deployment;
    }
    List<ResourceConfig> out = new ArrayList<>();
    for (ResourceConfig r : deployment.resources()) {
      ObjectNode add = extras.get(r.name());
      if (add == null || add.isEmpty()) {
        out.add(r);
        continue;
      }
      ObjectNode props = Json.copy(r.properties());
      add.fields()
          .forEachRemaining(
              e -> {
                JsonNode v = e.getValue();
                if (!props.has(e.getKey())) {
                  props.set(e.getKey(), v);
                }
              });
      out.add(
          new ResourceConfig(
              r.type(),
              r.name(),
              props,
              r.dependsOn(),
              r.provider(),
              r.location(),
              r.propertyLines()));
    }
    return new Deployment(deployment.name(), deployment.providers(), out, deployment.location());
  }
}
