package io.mcpiac.engine.providers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Probes every provider instance a plan involves (see {@link Provider#probe()}) and fails with one
 * message naming each instance that cannot be used and what to fix.
 */
public final class ProviderProbe {
  private ProviderProbe() {}

  /**
   * @param typesByInstance one resource type used per provider instance name
   */
  public static void require(ProviderRegistry registry, Map<String, String> typesByInstance) {
    Map<String, Provider> providers = new LinkedHashMap<>();
    typesByInstance.forEach(
        (instance, type) -> providers.putIfAbsent(instance, registry.providerFor(type, instance)));
    List<String> problems = new ArrayList<>();
    providers.forEach(
        (instance, provider) -> {
          try {
            provider.probe();
          } catch (RuntimeException e) {
            problems.add("provider instance '" + instance + "' cannot be used: " + e.getMessage());
          }
        });
    if (!problems.isEmpty()) {
      throw new ProviderException(String.join("\n", problems));
    }
  }
}
