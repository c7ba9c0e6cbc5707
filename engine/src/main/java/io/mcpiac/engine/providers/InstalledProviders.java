package io.mcpiac.engine.providers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The provider factories on the class path ({@link java.util.ServiceLoader}), found once per
 * process: the registry, the command line and the deployment reader all ask, and each asking used
 * to load and instantiate every factory again. Also the other names providers answer to ({@link
 * ProviderFactory#aliases()}): a file's {@code spec.providers.kubernetes} and {@code serve
 * --provider kubernetes} mean the provider {@code k8s}.
 */
public final class InstalledProviders {
  private static volatile Map<String, ProviderFactory> byName;

  private InstalledProviders() {}

  /** Every installed factory by provider name, in class-path order (the first of a name wins). */
  public static Map<String, ProviderFactory> factories() {
    Map<String, ProviderFactory> out = byName;
    if (out == null) {
      Map<String, ProviderFactory> found = new LinkedHashMap<>();
      for (ProviderFactory f : ServiceLoader.load(ProviderFactory.class)) {
        found.putIfAbsent(f.name(), f);
      }
      out = Collections.unmodifiableMap(found);
      byName = out;
    }
    return out;
  }

  /**
   * {@code instance} with a provider's alias ({@code kubernetes/prod}) spelled by the provider's
   * name ({@code k8s/prod}); other names as they are.
   */
  public static String canonicalInstance(String instance) {
    String base = ProviderRegistry.baseName(instance);
    for (ProviderFactory f : factories().values()) {
      if (f.aliases().contains(base)) {
        return f.name() + instance.substring(base.length());
      }
    }
    return instance;
  }
}
