package io.mcpiac.engine.providers;

import io.mcpiac.engine.resources.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps provider instances ({@code core}, {@code opnsense}, {@code opnsense/branch}) to providers. A
 * resource names its instance with {@code provider:}; by default the instance is its type's prefix.
 */
public final class ProviderRegistry implements AutoCloseable {
  private final Map<String, Provider> instances = new LinkedHashMap<>();

  public ProviderRegistry register(String instance, Provider provider) {
    String base = baseName(instance);
    if (!base.equals(provider.name())) {
      throw new IllegalArgumentException(
          "instance '" + instance + "' must belong to provider '" + provider.name() + "'");
    }
    instances.put(instance, provider);
    return this;
  }

  public Optional<Provider> instance(String instance) {
    return Optional.ofNullable(instances.get(instance));
  }

  public Map<String, Provider> instances() {
    return Collections.unmodifiableMap(instances);
  }

  /** The provider that owns a resource of {@code type} on {@code instance} (null: default). */
  public Provider providerFor(String type, String instance) {
    String name = instance != null ? instance : ResourceType.prefixOf(type);
    Provider p = instances.get(name);
    if (p == null) {
      throw new ProviderException("no provider instance '" + name + "' is configured");
    }
    return p;
  }

  /** The type definition, from whichever instance of its provider is registered first. */
  public Optional<ResourceType> type(String type) {
    for (Provider p : instances.values()) {
      if (p.name().equals(ResourceType.prefixOf(type))) {
        Optional<ResourceType> t = p.resourceType(type);
        if (t.isPresent()) {
          return t;
        }
      }
    }
    return Optional.empty();
  }

  /** Every type of every registered provider, each once. */
  public Collection<ResourceType> types() {
    Map<String, ResourceType> out = new LinkedHashMap<>();
    for (Provider p : instances.values()) {
      p.resourceTypes().forEach(t -> out.putIfAbsent(t.name(), t));
    }
    return List.copyOf(out.values());
  }

  public List<String> typeNames() {
    List<String> names = new ArrayList<>();
    types().forEach(t -> names.add(t.name()));
    return names;
  }

  /**
   * The entry points the registered providers declare for their own types (see {@link
   * ScopedEntryPoints}), by provider name, each entry point's names once: for each instance named
   * after its provider, what the provider declares, or else what the installed factory of that name
   * declares (an instance that stands in for a provider, such as a remote server's proxy, declares
   * nothing itself).
   */
  public Map<String, List<ScopedEntryPoints>> scopedEntryPoints() {
    Map<String, List<ScopedEntryPoints>> out = new LinkedHashMap<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    instances.forEach(
        (instance, provider) -> {
          if (!instance.equals(provider.name())) {
            return;
          }
          List<ScopedEntryPoints> declared = provider.scopedEntryPoints();
          if (declared.isEmpty()) {
            ProviderFactory f = InstalledProviders.factories().get(provider.name());
            declared = f == null ? List.of() : f.scopedEntryPoints();
          }
          for (ScopedEntryPoints e : declared) {
            if (names.add(e.planName()) && names.add(e.applyName())) {
              out.computeIfAbsent(provider.name(), n -> new ArrayList<>()).add(e);
            }
          }
        });
    return out;
  }

  /** {@code opnsense} for {@code opnsense/branch}. */
  public static String baseName(String instance) {
    int slash = instance.indexOf('/');
    return slash < 0 ? instance : instance.substring(0, slash);
  }

  @Override
  public void close() {
    for (Provider p : instances.values()) {
      try {
        p.close();
      } catch (Exception e) {
        // closing is best effort; a provider that cannot close has nothing left to lose
      }
    }
  }
}
