package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.resources.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code spec.resources}: what the user wants, before references are resolved.
 *
 * @param provider the provider instance ({@code opnsense/branch}); null means the type's prefix
 * @param propertyLines 1-based line of each top-level property, for error messages (may be empty)
 */
public record ResourceConfig(
    String type,
    String name,
    ObjectNode properties,
    List<String> dependsOn,
    String provider,
    SourceLocation location,
    Map<String, Integer> propertyLines) {

  /** The same resource with other property values (secrets redacted or restored). */
  public ResourceConfig withProperties(ObjectNode other) {
    return new ResourceConfig(type, name, other, dependsOn, provider, location, propertyLines);
  }

  /** The same resource waiting for other resources too (dependencies a provider implies). */
  public ResourceConfig withDependsOn(List<String> other) {
    return new ResourceConfig(type, name, properties, other, provider, location, propertyLines);
  }

  public ResourceConfig {
    dependsOn = List.copyOf(dependsOn);
    propertyLines = Map.copyOf(propertyLines);
  }

  /** The provider instance that owns this resource. */
  public String providerInstance() {
    return provider != null ? provider : ResourceType.prefixOf(type);
  }

  /** The seed's qualified address, {@code type:name}, e.g. {@code aws:ec2:app-1}. */
  public String address() {
    return type + ":" + name;
  }

  /** The same resource without where it was written; see {@link Deployment#withoutSource()}. */
  public ResourceConfig withoutSource() {
    return new ResourceConfig(
        type, name, properties, dependsOn, provider, SourceLocation.UNKNOWN, Map.of());
  }

  /** The line of a top-level property, or of the resource when unknown. */
  public SourceLocation locationOf(String property) {
    Integer line = propertyLines.get(property);
    return line == null ? location : new SourceLocation(location.file(), line);
  }
}
