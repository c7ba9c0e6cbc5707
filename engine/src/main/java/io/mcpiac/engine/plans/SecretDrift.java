package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Secrets changed behind the tool's back. State keeps only a digest of a secret and systems keep
 * only a verifier (a password hash), so neither side alone can tell; the provider checks the
 * configured value against the live verifier ({@link Provider#holdsSecret}). A secret that is not
 * held any more is drift, and differs from the configuration, so the plan sets it again.
 */
final class SecretDrift {
  private SecretDrift() {}

  /** The secret properties whose configured value the live object no longer holds. */
  static List<String> notHeld(
      Provider provider, ResourceType type, LiveResource live, ObjectNode configured) {
    List<String> out = new ArrayList<>();
    for (String key : type.secretProperties()) {
      JsonNode value = configured.get(key);
      if (Secrets.isSecret(value)
          && Boolean.FALSE.equals(
              provider.holdsSecret(type, live, key, value.textValue()).orElse(null))) {
        out.add(key);
      }
    }
    return out;
  }

  /** What stands for the live value of a secret that changed: a digest unlike any recorded one. */
  static JsonNode changedStandIn(String salt, String key) {
    return Values.sensitive(salt + "/" + key + "/changed-outside", TextNode.valueOf(key));
  }
}
