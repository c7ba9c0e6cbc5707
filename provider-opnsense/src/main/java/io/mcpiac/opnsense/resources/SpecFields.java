package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.Values;
import java.util.List;
import java.util.Map;

/**
 * The one-to-one part of a mapping: each {@link Spec}'s friendly property to its OPNsense string
 * field and back, by kind. Fields starting with {@code @} are computed by the mapping itself.
 */
final class SpecFields {
  private SpecFields() {}

  /** Puts the field of every spec into {@code fields} (absent properties: what is sent then). */
  static void write(List<Spec> specs, ObjectNode props, ObjectNode fields) {
    for (Spec spec : specs) {
      if (spec.field().startsWith("@")) {
        continue;
      }
      String value = fieldValue(spec, props);
      if (value != null) {
        put(fields, spec.field(), value);
      }
    }
  }

  /** The friendly properties of a stored row, for every spec whose field it holds. */
  static ObjectNode read(List<Spec> specs, Map<String, String> row) {
    ObjectNode props = Json.object();
    for (Spec spec : specs) {
      String v = row.get(spec.field());
      if (v == null || spec.field().startsWith("@")) {
        continue;
      }
      switch (spec.kind()) {
        case TEXT -> props.put(spec.property(), v);
        case INT, INT_OR_TEXT -> props.set(spec.property(), Props.intOrText(v));
        case BOOL -> props.set(spec.property(), Props.boolOf(v));
        case NOT_BOOL -> props.put(spec.property(), !Props.boolOf(v).booleanValue());
        case CSV -> props.set(spec.property(), Props.split(v, ","));
        case LINES -> props.set(spec.property(), Props.split(v, "\n"));
      }
    }
    return props;
  }

  /** Whether {@code value} is what the spec's field holds when the property is left out. */
  static boolean isDefault(Spec spec, JsonNode value) {
    String dflt = spec.whenAbsent();
    return switch (spec.kind()) {
      case BOOL -> dflt != null && value.isBoolean() && value.booleanValue() == "1".equals(dflt);
      case NOT_BOOL ->
          dflt != null && value.isBoolean() && value.booleanValue() == "0".equals(dflt);
      case CSV, LINES -> value.isArray() && value.isEmpty();
      default -> value.asText().equals(dflt == null ? "" : dflt);
    };
  }

  static String fieldValue(Spec spec, ObjectNode props) {
    JsonNode v = props.get(spec.property());
    if (v == null || v.isNull() || Values.isUnknown(v)) {
      return spec.whenAbsent();
    }
    return switch (spec.kind()) {
      case TEXT, INT, INT_OR_TEXT -> v.asText();
      case BOOL -> Props.bool(props, spec.property(), false) ? "1" : "0";
      case NOT_BOOL -> Props.bool(props, spec.property(), true) ? "0" : "1";
      case CSV -> String.join(",", Props.list(v));
      case LINES -> String.join("\n", Props.list(v));
    };
  }

  /** Sets a (possibly dotted) field in a nested body. */
  /** Sets a (possibly dotted) field in a nested body. */
  static void put(ObjectNode fields, String field, String value) {
    int dot = field.indexOf('.');
    if (dot < 0) {
      fields.put(field, value);
      return;
    }
    ObjectNode child = fields.with(field.substring(0, dot));
    put(child, field.substring(dot + 1), value);
  }
}
