package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a saved plan its secrets back. A plan file holds only digests of the secrets in the
 * configuration ({@link PlanFile}); applying it needs the values, so they are read again from the
 * deployment the plan was made from and used only where their digest is the one planned. A secret
 * that is gone or changed refuses the plan: sending an empty or different value silently is what
 * this prevents.
 */
public final class PlanSecrets {
  private PlanSecrets() {}

  /** True when the plan's configuration holds digests instead of secrets. */
  public static boolean needed(Plan plan) {
    return plan.deployment().resources().stream().anyMatch(r -> hasStandIn(r.properties()));
  }

  /**
   * The plan with every digest replaced by the value {@code source} gives, or a {@link
   * PlanStaleException} naming the first secret that cannot be restored.
   */
  public static Plan restore(Plan plan, Deployment source, ProviderRegistry registry) {
    Map<String, ResourceConfig> given = new LinkedHashMap<>();
    if (source != null) {
      source.resources().forEach(r -> given.put(r.name(), r));
    }
    Deployment d = plan.deployment();
    List<ResourceConfig> resources = new ArrayList<>();
    for (ResourceConfig r : d.resources()) {
      if (!hasStandIn(r.properties())) {
        resources.add(r);
        continue;
      }
      ResourceConfig from = given.get(r.name());
      ResourceType type = registry.type(r.type()).orElse(null);
      String salt = Values.salt(d.name(), r.name());
      ObjectNode raw = from == null ? Json.object() : from.properties();
      ObjectNode redacted = Values.redact(type, salt, raw);
      ObjectNode restored =
          (ObjectNode) restore(r.properties(), raw, redacted, r.name(), "", source);
      resources.add(r.withProperties(restored));
    }
    return plan.withDeployment(d.withResources(resources));
  }

  private static JsonNode restore(
      JsonNode planned,
      JsonNode raw,
      JsonNode redacted,
      String resource,
      String path,
      Deployment source) {
    if (Values.isSensitive(planned)) {
      if (raw != null && planned.equals(redacted)) {
        return raw;
      }
      throw new PlanStaleException(
          "the saved plan needs the secret value of resource '"
              + resource
              + "', property '"
              + path
              + "', which plan files never hold, and "
              + (source == null
                  ? "the deployment it was made from cannot be read"
                  : source.location().file() + " no longer gives the value it was planned with")
              + ": plan again");
    }
    if (planned.isObject()) {
      ObjectNode out = Json.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = planned.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        out.set(
            key,
            restore(
                e.getValue(),
                raw == null ? null : raw.get(key),
                redacted == null ? null : redacted.get(key),
                resource,
                path.isEmpty() ? key : path + "." + key,
                source));
      }
      return out;
    }
    return planned;
  }

  private static boolean hasStandIn(JsonNode node) {
    if (Values.isSensitive(node)) {
      return true;
    }
    for (JsonNode child : node) {
      if (hasStandIn(child)) {
        return true;
      }
    }
    return false;
  }
}
