package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;

/**
 * What a resource looks like to the references to it: the planner's view (values as planned) and
 * the executor's (values as applied) are both one of these, so a reference means the same at plan
 * and at apply time.
 *
 * @param type null when the type is not known (then every attribute is a property)
 * @param id the provider's identifier; null while unknown
 * @param properties resolved properties; null when there are none (a resource being deleted)
 * @param outputs null while unknown
 */
public record ReferenceTarget(
    ResourceType type, String id, ObjectNode properties, ObjectNode outputs) {

  /**
   * The value {@code ref} names here: an output, a property, or {@code id}. A missing output is
   * unknown until apply, a missing property null.
   */
  public JsonNode value(Reference ref) {
    boolean isOutput = type != null && type.outputs().containsKey(ref.attributeRoot());
    // every resource has its provider's identifier as 'id' (an output or property wins)
    if (!isOutput
        && ref.attribute().equals("id")
        && (properties == null || !properties.has("id"))) {
      return id == null ? Values.UNKNOWN : TextNode.valueOf(id);
    }
    JsonNode value = References.at(isOutput ? outputs : properties, ref.attribute());
    if (value == null) {
      return isOutput ? Values.UNKNOWN : Json.MAPPER.nullNode();
    }
    return value;
  }
}
