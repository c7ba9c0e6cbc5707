package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.Values;
import java.util.TreeSet;

/**
 * Lists AWS keeps as sets (security group ids, subnet ids, policy ARNs): one canonical form, sorted
 * and without repeats, so their order in a file is never a change.
 */
final class IdSets {
  private IdSets() {}

  /** Sorts {@code key} of {@code properties} in place; a list still holding unknowns is left. */
  static void sort(ObjectNode properties, String key) {
    JsonNode list = properties.get(key);
    if (list != null && list.isArray() && !Values.containsUnknown(list)) {
      properties.set(key, Json.MAPPER.valueToTree(new TreeSet<>(Props.list(list))));
    }
  }
}
