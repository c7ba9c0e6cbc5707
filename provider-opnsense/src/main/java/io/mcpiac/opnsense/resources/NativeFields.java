package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code native} map every type takes: OPNsense fields passed through as they are, for what a
 * type does not model, but never over a typed property's field.
 */
final class NativeFields {
  private NativeFields() {}

  /** Adds the native fields to a {@code set…} body (booleans as OPNsense's 1/0). */
  static void write(JsonNode nat, ObjectNode fields) {
    if (nat != null && nat.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = nat.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        SpecFields.put(
            fields, e.getKey(), v.isBoolean() ? (v.booleanValue() ? "1" : "0") : v.asText());
      }
    }
  }

  /** Native keys that are the field of one of {@code specs}, with the message refusing each. */
  static Map<String, String> overrides(JsonNode nat, List<Spec> specs) {
    Map<String, String> problems = new java.util.TreeMap<>();
    if (nat == null || !nat.isObject()) {
      return problems;
    }
    for (Spec spec : specs) {
      if (nat.has(spec.field())) {
        problems.put(
            ResourceMapping.NATIVE + "." + spec.field(),
            "'"
                + spec.field()
                + "' is the OPNsense field of the typed property '"
                + spec.property()
                + "': set '"
                + spec.property()
                + "' instead (native may not override a typed property)");
      }
    }
    return problems;
  }
}
