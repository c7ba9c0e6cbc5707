package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns literal values that are another resource's output back into {@code ${name.output}}
 * references. State and checkpoints keep resolved values (an alias's name, a server's UUID); when
 * those objects are gone (a restore after destroy) the literals point at nothing, while a reference
 * takes the new object's value and orders the graph. Only whole string values equal to exactly one
 * candidate output are rewritten.
 */
public final class ReferenceRecovery {
  private final Map<String, String> referenceByValue = new HashMap<>();
  private final Set<String> ambiguous = new HashSet<>();

  /**
   * @param outputs the candidates' outputs, by resource name
   */
  public ReferenceRecovery(Map<String, ObjectNode> outputs) {
    outputs.forEach(
        (name, out) -> {
          if (out == null) {
            return;
          }
          out.fields()
              .forEachRemaining(
                  e -> {
                    JsonNode v = e.getValue();
                    if (v.isTextual() && v.asText().length() > 1) {
                      String ref = "${" + name + "." + e.getKey() + "}";
                      String prior = referenceByValue.putIfAbsent(v.asText(), ref);
                      if (prior != null && !prior.equals(ref)) {
                        ambiguous.add(v.asText());
                      }
                    }
                  });
        });
    ambiguous.forEach(referenceByValue::remove);
  }

  /** A copy of {@code properties} with every matching literal replaced by its reference. */
  public ObjectNode rewrite(ObjectNode properties) {
    return (ObjectNode) rewriteNode(Json.copy(properties));
  }

  private JsonNode rewriteNode(JsonNode n) {
    if (n.isTextual()) {
      String ref = referenceByValue.get(n.asText());
      return ref == null ? n : TextNode.valueOf(ref);
    }
    if (n.isArray()) {
      ArrayNode a = (ArrayNode) n;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, rewriteNode(a.get(i)));
      }
      return a;
    }
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        e.setValue(rewriteNode(e.getValue()));
      }
      return o;
    }
    return n;
  }
}
