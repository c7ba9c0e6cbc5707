package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment as written by the user (YAML, the Java builder, or an MCP client): its name,
 * provider connection settings per instance ({@code opnsense}, {@code opnsense/branch}) and its
 * resources.
 */
public record Deployment(
    String name,
    Map<String, ObjectNode> providers,
    List<ResourceConfig> resources,
    SourceLocation location) {

  public static final String API_VERSION = "iac.mcp/v1";
  public static final String KIND = "Deployment";

  public Deployment {
    providers = Map.copyOf(providers);
    resources = List.copyOf(resources);
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
        SourceLocation.UNKNOWN);
  }

  public Optional<ResourceConfig> resource(String name) {
    return resources.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
