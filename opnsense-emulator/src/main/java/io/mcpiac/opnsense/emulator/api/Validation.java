package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Collected validation messages, rendered as {@code ApiMutableModelControllerBase::validate} does:
 * one message is a string; a second message turns the value into an array, de-duplicated afterwards
 * (so the same message twice gives a one-element array).
 */
public final class Validation {
  private final Map<String, List<String>> messages = new LinkedHashMap<>();

  public void add(String key, String message) {
    messages.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  public boolean has(String key) {
    return messages.containsKey(key);
  }

  public ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, List<String>> e : messages.entrySet()) {
      if (e.getValue().size() == 1) {
        out.put(e.getKey(), e.getValue().get(0));
      } else {
        ArrayNode a = out.putArray(e.getKey());
        new LinkedHashSet<>(e.getValue()).forEach(a::add);
      }
    }
    return out;
  }

  /** {@code {"result":"failed","validations":{…}}}. */
  public ObjectNode failure() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("result", "failed");
    out.set("validations", toJson());
    return out;
  }
}
