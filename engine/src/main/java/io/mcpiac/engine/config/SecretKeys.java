package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.SecretValues;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which top-level properties of each resource hold a secret: those its type marks secret, those
 * declared sensitive, and every property whose value comes from a secret, a sensitive variable or a
 * secret property of another resource, directly or inside a longer string. Their values are
 * recorded and shown only as digests ({@code (sensitive)}).
 */
public final class SecretKeys {
  private final Deployment deployment;
  private final Function<String, Optional<ResourceType>> typeOf;
  private final Map<String, ResourceConfig> configs = new HashMap<>();
  private final Map<String, Set<String>> memo = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  public SecretKeys(Deployment deployment, Function<String, Optional<ResourceType>> typeOf) {
    this.deployment = deployment;
    this.typeOf = typeOf;
    deployment.resources().forEach(r -> configs.put(r.name(), r));
  }

  /** The secret top-level properties of the resource named {@code name}. */
  public synchronized Set<String> of(String name) {
    Set<String> known = memo.get(name);
    if (known != null) {
      return known;
    }
    ResourceConfig config = configs.get(name);
    Set<String> keys = new LinkedHashSet<>();
    if (config == null || !inProgress.add(name)) {
      return keys; // a cycle is reported by validation
    }
    try {
      typeOf.apply(config.type()).ifPresent(t -> keys.addAll(t.secretProperties()));
      keys.addAll(deployment.sensitiveProperties().getOrDefault(name, Set.of()));
      if (config.properties() != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = config.properties().fields();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (derivedFromSecret(e.getValue())) {
            keys.add(e.getKey());
          }
        }
      }
    } finally {
      inProgress.remove(name);
    }
    Set<String> result = Set.copyOf(keys);
    memo.put(name, result);
    return result;
  }

  /**
   * Remembers every secret text of the deployment before any resource is planned or applied —
   * secret references, sensitive variables, literal values of secret properties — so that which
   * values carry one does not depend on the order resources happen to be handled in. Unavailable
   * values are skipped here; resolving the resource reports them.
   */
  public void collect(ExternalValues externals, SecretValues into) {
    for (ResourceConfig r : deployment.resources()) {
      if (r.properties() == null) {
        continue;
      }
      for (Reference ref : References.find(r.properties())) {
        if (ref.isSecret() || ref.isVariable()) {
          try {
            into.add(externals.value(ref));
          } catch (ExternalValues.UnavailableValueException e) {
            // reported where the value is needed
          }
        }
      }
      typeOf
          .apply(r.type())
          .ifPresent(
              t ->
                  t.secretProperties().stream()
                      .map(key -> r.properties().get(key))
                      .filter(v -> v != null && References.find(v).isEmpty())
                      .forEach(into::add));
    }
  }

  private boolean derivedFromSecret(JsonNode value) {
    for (Reference ref : References.find(value)) {
      if (ref.isSecret() || ref.isVariable()) {
        return true;
      }
      if (!ref.isExternal() && of(ref.name()).contains(ref.attributeRoot())) {
        return true;
      }
    }
    return false;
  }
}
