package io.mcpiac.engine.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * What a provider says about one kind of resource.
 *
 * @param name the full type, e.g. {@code opnsense:firewall:rule}
 * @param schema JSON Schema (2020-12) of the properties
 * @param replaceOnChange top-level properties whose change forces replacement
 * @param secretProperties top-level properties that never reach state, logs, plans or answers
 * @param outputs output attribute names with a one-line description each
 * @param createBeforeDestroy whether a replacement may create the new object before deleting the
 *     old one (false where the old and new would collide, e.g. on a unique tag)
 */
public record ResourceType(
    String name,
    String description,
    JsonNode schema,
    Set<String> replaceOnChange,
    Set<String> secretProperties,
    Map<String, String> outputs,
    boolean createBeforeDestroy) {

  public ResourceType {
    replaceOnChange = Set.copyOf(replaceOnChange);
    secretProperties = Set.copyOf(secretProperties);
    outputs = Map.copyOf(outputs);
  }

  /** The provider prefix: {@code opnsense} for {@code opnsense:firewall:rule}. */
  public String prefix() {
    return prefixOf(name);
  }

  public static String prefixOf(String type) {
    int colon = type.indexOf(':');
    return colon < 0 ? type : type.substring(0, colon);
  }
}
