package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deployment as written by the user (YAML, the Java builder, or an MCP client): its name,
 * provider connection settings per instance ({@code opnsense}, {@code opnsense/branch}) and its
 * resources. A loaded deployment is already expanded: variables substituted, {@code forEach} and
 * templates turned into plain resources, {@code spec.outputs} turned into the {@code core:outputs}
 * resource (see {@link DeploymentExpansion}).
 *
 * @param sensitiveValues the values of sensitive variables, which stay {@code ${var.x}} references
 *     in the resources and are resolved only when a provider needs them; a saved plan keeps digests
 * @param sensitiveProperties per resource, top-level properties to treat as secret beyond what its
 *     type marks (a {@code sensitive: true} output)
 */
public record Deployment(
    String name,
    Map<String, ObjectNode> providers,
    List<ResourceConfig> resources,
    SourceLocation location,
    Map<String, JsonNode> sensitiveValues,
    Map<String, Set<String>> sensitiveProperties) {

  public static final String API_VERSION = "iac.mcp/v1";
  public static final String KIND = "Deployment";

  public Deployment {
    providers = Map.copyOf(providers);
    resources = List.copyOf(resources);
    sensitiveValues =
        sensitiveValues == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sensitiveValues));
    sensitiveProperties = sensitiveProperties == null ? Map.of() : Map.copyOf(sensitiveProperties);
  }

  public Deployment(
      String name,
      Map<String, ObjectNode> providers,
      List<ResourceConfig> resources,
      SourceLocation location) {
    this(name, providers, resources, location, Map.of(), Map.of());
  }

  /**
   * The same deployment without where it was written: equal for a YAML file and the Java builder
   * code that say the same thing, and unchanged when only comments or line breaks moved.
   */
  public Deployment withoutSource() {
    return new Deployment(
        name,
        providers,
        resources.stream().map(ResourceConfig::withoutSource).toList(),
        SourceLocation.UNKNOWN,
        sensitiveValues,
        sensitiveProperties);
  }

  public Optional<ResourceConfig> resource(String name) {
    return resources.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * {@code properties} of the resource {@code resource} with those declared sensitive (beyond its
   * type's) marked secret, so they are kept and shown only as digests.
   */
  public ObjectNode markSensitive(String resource, ObjectNode properties) {
    Set<String> keys = sensitiveProperties.getOrDefault(resource, Set.of());
    if (keys.isEmpty() || properties == null) {
      return properties;
    }
    ObjectNode out = properties.deepCopy();
    for (String key : keys) {
      if (out.has(key)) {
        out.set(key, io.mcpiac.engine.resources.Secrets.mark(out.get(key)));
      }
    }
    return out;
  }

  /** Never the sensitive values: a record's own text would print them. */
  @Override
  public String toString() {
    return "Deployment[name="
        + name
        + ", resources="
        + resources.size()
        + ", sensitiveValues="
        + sensitiveValues.keySet()
        + "]";
  }

  /** The same deployment with other resources. */
  public Deployment withResources(List<ResourceConfig> resources) {
    return new Deployment(
        name, providers, resources, location, sensitiveValues, sensitiveProperties);
  }
}
