package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a resource's properties compare: as they are (live where the provider reads them, recorded
 * otherwise), where the live object drifted from state, and what a change would alter.
 */
final class PropertyDiff {
  private PropertyDiff() {}

  /** Equal values; for a list the type keeps as a set, the same elements in any order. */
  static boolean same(ResourceType type, String key, JsonNode before, JsonNode after) {
    if (Json.sameValue(before, after)) {
      return true;
    }
    if (!type.unorderedProperties().contains(key)
        || before == null
        || after == null
        || !before.isArray()
        || !after.isArray()) {
      return false;
    }
    return elements(before).equals(elements(after));
  }

  /** A list's elements as a sorted multiset of their canonical JSON. */
  private static List<String> elements(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(v -> out.add(Json.canonical(v)));
    out.sort(null);
    return out;
  }

  /**
   * The properties as they are: live where the provider reads them, recorded otherwise; plus the
   * live value of every property with a schema default that state does not record.
   */
  static ObjectNode current(
      ResourceType type,
      SchemaDefaults defaults,
      ResourceRecord record,
      LiveResource actual,
      String salt) {
    ObjectNode out = Json.copy(record.properties());
    if (actual.properties() != null) {
      for (Iterator<String> it = record.properties().fieldNames(); it.hasNext(); ) {
        String key = it.next();
        JsonNode liveValue = actual.properties().get(key);
        if (liveValue != null && !type.secretProperties().contains(key)) {
          out.set(
              key, Secrets.redactLike(record.properties().get(key), liveValue, salt + "/" + key));
        }
      }
      for (String key : defaults.all().keySet()) {
        JsonNode liveValue = actual.properties().get(key);
        if (!out.has(key) && liveValue != null) {
          out.set(key, liveValue);
        }
      }
    }
    return out;
  }

  /**
   * Where the live object differs from state: a recorded property against its live value, and a
   * property state does not record (the file left it out) against its schema default.
   */
  static List<PropertyChange> drift(
      ResourceType type,
      SchemaDefaults defaults,
      ResourceRecord record,
      LiveResource actual,
      String salt) {
    List<PropertyChange> out = new ArrayList<>();
    if (actual.properties() == null) {
      return out;
    }
    Map<String, JsonNode> expected = new java.util.TreeMap<>();
    defaults.all().forEach(expected::put);
    record.properties().fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue()));
    for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
      JsonNode liveValue =
          Secrets.redactLike(
              e.getValue(), actual.properties().get(e.getKey()), salt + "/" + e.getKey());
      if (liveValue != null
          && !type.secretProperties().contains(e.getKey())
          && !same(type, e.getKey(), e.getValue(), liveValue)) {
        out.add(new PropertyChange(e.getKey(), e.getValue(), liveValue, false));
      }
    }
    return out;
  }

  static List<PropertyChange> diff(ResourceType type, ObjectNode before, ObjectNode after) {
    Set<String> keys = new TreeSet<>();
    before.fieldNames().forEachRemaining(keys::add);
    after.fieldNames().forEachRemaining(keys::add);
    List<PropertyChange> out = new ArrayList<>();
    for (String key : keys) {
      JsonNode b = before.get(key);
      JsonNode a = after.get(key);
      boolean changed = Values.containsUnknown(a) || !same(type, key, b, a);
      if (changed) {
        out.add(new PropertyChange(key, b, a, type.replaceOnChange().contains(key)));
      }
    }
    return out;
  }

  static List<PropertyChange> allProperties(ObjectNode before, ObjectNode after) {
    ObjectNode source = after != null ? after : before;
    List<PropertyChange> out = new ArrayList<>();
    Set<String> keys = new TreeSet<>();
    source.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      out.add(
          new PropertyChange(
              key,
              before == null ? null : before.get(key),
              after == null ? null : after.get(key),
              false));
    }
    return out;
  }
}
