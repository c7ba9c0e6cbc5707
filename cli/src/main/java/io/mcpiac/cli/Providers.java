package io.mcpiac.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderFactory;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.resources.ResourceType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the provider registry for a deployment: {@code core} always; every instance named in
 * {@code spec.providers}; and a default instance (settings from the environment) for every other
 * provider a resource or a state record uses.
 */
public final class Providers {
  private Providers() {}

  public static Map<String, ProviderFactory> factories() {
    return io.mcpiac.engine.providers.InstalledProviders.factories();
  }

  /** Each provider's settings schema, by provider name (those that have one). */
  public static Map<String, com.fasterxml.jackson.databind.JsonNode> settingsSchemas() {
    Map<String, com.fasterxml.jackson.databind.JsonNode> out = new LinkedHashMap<>();
    factories()
        .forEach(
            (name, f) -> {
              if (f.settingsSchema() != null) {
                out.put(name, f.settingsSchema());
              }
            });
    return out;
  }

  /** Lines for the plan's header: settings of the file that override the environment. */
  public static java.util.List<String> overriddenEnvironment(Map<String, ObjectNode> settings) {
    Map<String, ProviderFactory> factories = factories();
    java.util.List<String> out = new java.util.ArrayList<>();
    new java.util.TreeMap<>(settings)
        .forEach(
            (instance, conf) -> {
              ProviderFactory f = factories.get(ProviderRegistry.baseName(instance));
              if (f != null) {
                out.addAll(f.overriddenEnvironment(instance, conf));
              }
            });
    return out;
  }

  /** Every type of every installed provider, by name; connects to nothing. */
  public static java.util.List<ResourceType> allTypes() {
    try (ProviderRegistry registry = registry(Map.of(), factories().keySet())) {
      return registry.types().stream()
          .sorted(java.util.Comparator.comparing(ResourceType::name))
          .toList();
    }
  }

  /**
   * @param settings {@code spec.providers}
   * @param instances provider instances in use ({@code opnsense}, {@code opnsense/branch}) or type
   *     names ({@code opnsense:firewall:rule})
   */
  public static ProviderRegistry registry(
      Map<String, ObjectNode> settings, Collection<String> instances) {
    return registry(settings, instances, ProviderContext.workingDirectory());
  }

  /** As above, for one deployment: see {@link ProviderContext}. */
  public static ProviderRegistry registry(
      Map<String, ObjectNode> settings, Collection<String> instances, ProviderContext context) {
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(CoreProvider.NAME, new CoreProvider());
    Map<String, ProviderFactory> factories = factories();
    settings.forEach(
        (instance, conf) -> {
          ProviderFactory f = factories.get(ProviderRegistry.baseName(instance));
          if (f != null && registry.instance(instance).isEmpty()) {
            registry.register(instance, f.create(instance, conf, context));
          }
        });
    for (String used : instances) {
      String instance = used.contains(":") ? ResourceType.prefixOf(used) : used;
      ProviderFactory f = factories.get(ProviderRegistry.baseName(instance));
      if (f != null && registry.instance(instance).isEmpty()) {
        registry.register(instance, f.create(instance, Json.object(), context));
      }
    }
    return registry;
  }
}
