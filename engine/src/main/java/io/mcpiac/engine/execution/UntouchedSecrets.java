package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.References;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.providers.KeptSecrets;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link KeptSecrets} of a run: the secrets of the plan's no-op resources, resolved from the
 * configuration as a change's would be, and given only where their digest is the one state recorded
 * (a resource left alone by {@code --target} may be configured with another secret, which the run
 * must not send).
 */
final class UntouchedSecrets implements KeptSecrets {
  private final String deployment;
  private final ProviderRegistry registry;
  private final AppliedValues values;
  private final Map<String, PlannedAction> untouched = new HashMap<>();

  UntouchedSecrets(Plan plan, ProviderRegistry registry, AppliedValues values) {
    this.deployment = plan.deploymentName();
    this.registry = registry;
    this.values = values;
    plan.actions().stream()
        .filter(a -> !a.changesSomething())
        .forEach(a -> untouched.put(a.name(), a));
  }

  @Override
  public Optional<Map<String, JsonNode>> of(String type, String name) {
    PlannedAction a = untouched.get(name);
    if (a == null || !a.type().equals(type) || a.prior() == null) {
      return Optional.empty();
    }
    Provider provider = registry.providerFor(a.type(), a.provider());
    ResourceType t = provider.resourceType(a.type()).orElse(null);
    if (t == null) {
      return Optional.empty();
    }
    ObjectNode resolved;
    try {
      resolved = Secrets.markDeclared(t, provider.canonical(t, values.untouched(a)));
    } catch (RuntimeException unresolvable) {
      // a variable or secret that cannot be read now: the run cannot vouch for the value
      return Optional.empty();
    }
    ObjectNode digests = Values.redact(t, Values.salt(deployment, name), resolved);
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String path : t.secretProperties()) {
      JsonNode value = References.at(resolved, path);
      JsonNode recorded = References.at(a.prior(), path);
      boolean configured = value != null && !value.isNull();
      if (!configured && (recorded == null || recorded.isNull())) {
        continue;
      }
      if (!configured
          || Values.containsUnknown(value)
          || Values.isSensitive(value)
          || !References.at(digests, path).equals(recorded)) {
        return Optional.empty();
      }
      out.put(path, Secrets.reveal(value));
    }
    return Optional.of(out);
  }
}
