package io.mcpiac.engine.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret texts met during one plan or apply (secret properties, {@code ${secret.…}} values,
 * sensitive variables), so that any value that carries one — through a reference, inside a longer
 * string, or passed on as an output such as {@code core:data}'s — is recorded and shown only as a
 * digest. Held in memory for the run only.
 */
public final class SecretValues {
  // shorter texts would mark half of every configuration as secret
  private static final int MIN_LENGTH = 3;

  private final Set<String> texts = ConcurrentHashMap.newKeySet();

  /** Remembers every text inside {@code value}. */
  public void add(JsonNode value) {
    if (value == null || Values.isSensitive(value) || Values.isUnknown(value)) {
      return;
    }
    if (value.isValueNode()) {
      String text = value.asText();
      if (text.length() >= MIN_LENGTH) {
        texts.add(text);
      }
      return;
    }
    value.forEach(this::add);
  }

  /** Whether {@code value} contains one of the secret texts anywhere. */
  public boolean carriedBy(JsonNode value) {
    if (value == null || texts.isEmpty()) {
      return false;
    }
    if (value.isValueNode()) {
      String text = value.asText();
      return texts.stream().anyMatch(text::contains);
    }
    for (JsonNode child : value) {
      if (carriedBy(child)) {
        return true;
      }
    }
    return false;
  }

  /** The top-level keys of {@code object} whose values carry a secret. */
  public Set<String> keysCarrying(ObjectNode object) {
    Set<String> out = new java.util.LinkedHashSet<>();
    if (object == null) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (carriedBy(e.getValue())) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** A copy of {@code outputs} with every value that carries a secret replaced by its digest. */
  public ObjectNode redactOutputs(String salt, ObjectNode outputs) {
    if (outputs == null) {
      return null;
    }
    return Values.redact(keysCarrying(outputs), salt + "/outputs", Json.copy(outputs));
  }
}
