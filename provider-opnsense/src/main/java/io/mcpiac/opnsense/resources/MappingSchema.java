package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.kit.Props;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema of an {@code opnsense:*} type, built from its {@link Spec}s: a JSON type per
 * kind, the {@code default} a left-out property stands for (what is sent when it is absent), and
 * the {@code native} pass-through map every type takes.
 */
final class MappingSchema {
  private MappingSchema() {}

  /** The JSON Schema of {@code m}'s type: its specs, extra members, required ones and native. */
  static JsonNode of(ResourceMapping m) {
    StringBuilder s = new StringBuilder();
    s.append("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",")
        .append("\"type\":\"object\",\"additionalProperties\":false,\"properties\":{");
    List<String> members = new ArrayList<>();
    for (Spec spec : m.allSpecs()) {
      members.add(
          Json.write(spec.property())
              + ":{"
              + schemaType(spec)
              + ",\"description\":"
              + Json.write(spec.description())
              + (spec.schema() == null ? "" : "," + spec.schema())
              + schemaDefault(m, spec)
              + "}");
    }
    String extra = m.extraSchema();
    if (!extra.isBlank()) {
      members.add(extra);
    }
    members.add(
        "\"native\":{\"type\":\"object\",\"description\":\"OPNsense fields passed through as they"
            + " are (field name to value), for what this type does not model.\","
            + "\"additionalProperties\":{\"type\":[\"string\",\"number\",\"boolean\"]}}");
    s.append(String.join(",", members)).append("}");
    if (!m.required().isEmpty()) {
      s.append(",\"required\":").append(Json.write(m.required()));
    }
    return Json.parse(s.append("}").toString());
  }

  private static String schemaDefault(ResourceMapping m, Spec spec) {
    if (m.computedWhenAbsent().contains(spec.property())) {
      return "";
    }
    JsonNode d = defaultValue(spec);
    return d == null ? "" : ",\"default\":" + Json.write(d);
  }

  static JsonNode defaultValue(Spec spec) {
    String w = spec.whenAbsent();
    if (w == null || spec.field().startsWith("@")) {
      return null;
    }
    return switch (spec.kind()) {
      case TEXT -> Json.MAPPER.getNodeFactory().textNode(w);
      case INT -> w.matches("-?[0-9]{1,9}") ? Props.intOrText(w) : null;
      case INT_OR_TEXT -> Props.intOrText(w);
      case BOOL -> Props.boolOf(w);
      case NOT_BOOL -> Json.MAPPER.getNodeFactory().booleanNode(!Props.boolOf(w).booleanValue());
      case CSV -> Props.split(w, ",");
      case LINES -> Props.split(w, "\n");
    };
  }

  private static String schemaType(Spec spec) {
    return switch (spec.kind()) {
      case TEXT -> "\"type\":\"string\"";
      case INT -> "\"type\":\"integer\"";
      case INT_OR_TEXT -> "\"type\":[\"integer\",\"string\"]";
      case BOOL, NOT_BOOL -> "\"type\":\"boolean\"";
      // an item is sent joined with the others (by ',' or a newline): an item holding the
      // separator would become two entries on the firewall, so it cannot be represented
      case CSV ->
          "\"type\":[\"string\",\"array\"],\"items\":{\"type\":\"string\","
              + "\"pattern\":\"^[^,\\\\u0000-\\\\u001f]*$\"}";
      case LINES ->
          "\"type\":[\"string\",\"array\"],\"items\":{\"type\":\"string\","
              + "\"pattern\":\"^[^\\\\u0000-\\\\u001f]*$\"}";
    };
  }
}
