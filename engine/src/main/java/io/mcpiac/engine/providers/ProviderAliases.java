package io.mcpiac.engine.providers;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Other names the installed providers answer to ({@link ProviderFactory#aliases()}): a file's
 * {@code spec.providers.kubernetes} and {@code serve --provider kubernetes} mean the provider
 * {@code k8s}. Read once, from the same factories the registry uses.
 */
public final class ProviderAliases {
  private static volatile Map<String, String> byAlias;

  private ProviderAliases() {}

  /**
   * {@code instance} with a provider's alias ({@code kubernetes/prod}) spelled by the provider's
   * name ({@code k8s/prod}); other names as they are.
   */
  public static String canonicalInstance(String instance) {
    String base = ProviderRegistry.baseName(instance);
    String name = aliases().get(base);
    return name == null ? instance : name + instance.substring(base.length());
  }

  private static Map<String, String> aliases() {
    Map<String, String> out = byAlias;
    if (out == null) {
      out = new HashMap<>();
      for (ProviderFactory f : ServiceLoader.load(ProviderFactory.class)) {
        for (String alias : f.aliases()) {
          out.putIfAbsent(alias, f.name());
        }
      }
      byAlias = out;
    }
    return out;
  }
}
