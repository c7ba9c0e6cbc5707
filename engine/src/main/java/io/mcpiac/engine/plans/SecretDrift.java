package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Drift of secret properties, which the planner cannot compare itself (state keeps a digest, the
 * system never gives the secret back): the provider checks the configured value against what the
 * system keeps of it ({@link Provider#changedSecrets}). A changed secret shows as drift and, as the
 * file still says the old value, as an update that sets it again; both only as {@code (sensitive)}.
 */
final class SecretDrift {
  private SecretDrift() {}

  /**
   * @param resolved the configured properties, secrets marked and in clear
   * @param shown the same with secrets as digests
   * @param recorded what state records (digests)
   */
  static List<PropertyChange> of(
      Provider provider,
      ResourceType type,
      LiveResource actual,
      ObjectNode resolved,
      ObjectNode shown,
      ObjectNode recorded,
      String salt) {
    if (type.secretProperties().isEmpty()) {
      return List.of();
    }
    ObjectNode configured = Json.object();
    for (String key : type.secretProperties()) {
      JsonNode value = resolved.get(key);
      // a secret the file changed is a change already; only an unchanged one can have drifted
      if (value != null
          && Json.sameValue(shown.get(key), recorded.get(key))
          && !value.isNull()
          && !Values.containsUnknown(value)
          && !Values.isSensitive(value)) {
        configured.set(key, Secrets.reveal(value));
      }
    }
    if (configured.isEmpty()) {
      return List.of();
    }
    List<PropertyChange> out = new ArrayList<>();
    for (String key : new java.util.TreeSet<>(provider.changedSecrets(type, actual, configured))) {
      if (configured.has(key)) {
        // a stand-in that differs from every digest of a configured value, and says nothing
        TextNode live = Values.sensitive(salt + "/" + key + "/changed", TextNode.valueOf(key));
        out.add(new PropertyChange(key, recorded.get(key), live, false));
      }
    }
    return out;
  }
}
