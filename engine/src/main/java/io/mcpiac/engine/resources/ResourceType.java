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
    boolean createBeforeDestroy,
    Set<String> unorderedProperties) {

  public ResourceType {
    replaceOnChange = Set.copyOf(replaceOnChange);
    secretProperties = Set.copyOf(secretProperties);
    outputs = Map.copyOf(outputs);
    unorderedProperties = Set.copyOf(unorderedProperties);
  }

  /** A type whose list properties all keep their order. */
  public ResourceType(
      String name,
      String description,
      JsonNode schema,
      Set<String> replaceOnChange,
      Set<String> secretProperties,
      Map<String, String> outputs,
      boolean createBeforeDestroy) {
    this(
        name,
        description,
        schema,
        replaceOnChange,
        secretProperties,
        outputs,
        createBeforeDestroy,
        Set.of());
  }

  /**
   * This type with lists that are sets to the system ({@code unorderedProperties}: security group
   * ids, subnet ids): their order in a file is never a change, for a provider in this process or
   * behind an MCP server (the type document carries them).
   */
  public ResourceType unordered(String... properties) {
    return new ResourceType(
        name,
        description,
        schema,
        replaceOnChange,
        secretProperties,
        outputs,
        createBeforeDestroy,
        Set.of(properties));
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
