package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The instances a {@code forEach} makes, keyed by value, never by position: a list of scalars by
 * each value, a list of mappings by the field {@code forEachKey} (default {@code key}, then {@code
 * name}), a map by its keys. So adding an element plans one create, removing one plans one delete,
 * and reordering plans nothing.
 */
final class ForEachKeys {
  /** Keys become part of a resource name, {@code vlan[guest]}; they must survive that. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:/@-]{1,64}");

  /** A problem that makes the forEach unusable; the message names it. */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message);
    }
  }

  private ForEachKeys() {}

  /** Key → element ({@code each.value}), in the order written. */
  static Map<String, JsonNode> of(JsonNode value, String keyField) throws Problem {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        add(out, e.getKey(), e.getValue());
      }
      return out;
    }
    if (!value.isArray()) {
      throw new Problem(
          "forEach must be a list or a map known before planning (literal or ${var.…}), not "
              + (value.isTextual() ? "'" + value.textValue() + "'" : value.toString()));
    }
    for (JsonNode element : value) {
      add(out, keyOf(element, keyField), element);
    }
    return out;
  }

  private static String keyOf(JsonNode element, String keyField) throws Problem {
    if (element.isValueNode() && !element.isNull()) {
      return element.asText();
    }
    if (element.isObject()) {
      String field =
          keyField != null
              ? keyField
              : element.has("key") ? "key" : element.has("name") ? "name" : null;
      if (field == null) {
        throw new Problem(
            "the elements are mappings without 'key' or 'name': add 'forEachKey: FIELD' naming a"
                + " field that is unique per element, so instances are keyed by value, not by"
                + " position");
      }
      JsonNode key = element.get(field);
      if (key == null || !key.isValueNode() || key.isNull()) {
        throw new Problem("an element has no value for its key field '" + field + "': " + element);
      }
      return key.asText();
    }
    throw new Problem("a list element cannot be a key: " + element);
  }

  private static void add(Map<String, JsonNode> out, String key, JsonNode element) throws Problem {
    if (!KEY.matcher(key).matches()) {
      throw new Problem(
          "the key '"
              + key
              + "' cannot name an instance: use up to 64 letters, digits and _ . : / @ -");
    }
    if (out.put(key, element) != null) {
      throw new Problem("the key '" + key + "' appears twice; keys are unique");
    }
  }
}
