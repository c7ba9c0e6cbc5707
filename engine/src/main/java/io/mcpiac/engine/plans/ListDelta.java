package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What differs between two lists of plain values, for people: {@code (adds INSERT; removes
 * DELETE)}, so a changed list of privileges or ports says which elements change instead of leaving
 * the reader to compare two long lists.
 */
final class ListDelta {
  private ListDelta() {}

  /** The note, with a leading space; empty when either side is no list of plain known values. */
  static String describe(JsonNode before, JsonNode after) {
    Set<String> b = plain(before);
    Set<String> a = plain(after);
    if (b == null || a == null) {
      return "";
    }
    List<String> added = new ArrayList<>(a);
    added.removeAll(b);
    List<String> removed = new ArrayList<>(b);
    removed.removeAll(a);
    List<String> parts = new ArrayList<>();
    if (!added.isEmpty()) {
      parts.add("adds " + String.join(", ", added));
    }
    if (!removed.isEmpty()) {
      parts.add("removes " + String.join(", ", removed));
    }
    return parts.isEmpty() ? "" : "  (" + String.join("; ", parts) + ")";
  }

  private static Set<String> plain(JsonNode list) {
    if (list == null || !list.isArray()) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode v : list) {
      if (!v.isValueNode() || Values.isUnknown(v) || Values.isSensitive(v)) {
        return null;
      }
      out.add(v.asText());
    }
    return out;
  }
}
