package io.mcpiac.engine.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A resource type explained: its properties with types, defaults, allowed values, which force
 * replacement and which are secret, its outputs and an example. One text, shown by {@code mcp-iac
 * schema TYPE} and carried by the MCP type resource ({@code x-documentation}), so a person and an
 * assistant read the same thing.
 */
public final class TypeDocs {
  private TypeDocs() {}

  /** The JSON Schema with what else a client needs (see {@link TypeDocument}). */
  public static ObjectNode document(ResourceType t, String id) {
    return TypeDocument.encode(t, id);
  }

  /** The text {@code mcp-iac schema TYPE} prints. */
  public static String text(ResourceType t) {
    StringBuilder out = new StringBuilder(t.name()).append('\n');
    if (t.description() != null && !t.description().isBlank()) {
      out.append(wrap(t.description(), "  ")).append('\n');
    }
    JsonNode schema = t.schema() == null ? Json.object() : t.schema();
    Set<String> required = strings(schema.path("required"));
    out.append("\nProperties:\n");
    JsonNode props = schema.path("properties");
    if (!props.isObject() || props.isEmpty()) {
      out.append("  (none)\n");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode p = e.getValue();
      List<String> facts = new ArrayList<>();
      facts.add(typeOf(p));
      if (required.contains(name)) {
        facts.add("required");
      }
      if (p.has("default")) {
        facts.add("default " + p.get("default"));
      }
      if (p.has("enum")) {
        facts.add("one of " + join(p.get("enum")));
      }
      if (t.replaceOnChange().contains(name)) {
        facts.add("forces replacement");
      }
      if (t.secretProperties().contains(name)) {
        facts.add("secret");
      }
      out.append("  ").append(name).append("  (").append(String.join(", ", facts)).append(")\n");
      if (p.hasNonNull("description")) {
        out.append(wrap(p.get("description").asText(), "      ")).append('\n');
      }
      JsonNode item = p.path("items");
      if (item.path("properties").isObject()) {
        Set<String> itemRequired = strings(item.path("required"));
        item.path("properties")
            .fields()
            .forEachRemaining(
                f ->
                    out.append("      - ")
                        .append(f.getKey())
                        .append("  (")
                        .append(typeOf(f.getValue()))
                        .append(itemRequired.contains(f.getKey()) ? ", required" : "")
                        .append(
                            f.getValue().has("enum")
                                ? ", one of " + join(f.getValue().get("enum"))
                                : "")
                        .append(")")
                        .append(
                            f.getValue().hasNonNull("description")
                                ? ": " + f.getValue().get("description").asText()
                                : "")
                        .append('\n'));
      }
    }
    out.append("\nOutputs:\n");
    if (t.outputs().isEmpty()) {
      out.append("  (none)\n");
    }
    new TreeMap<>(t.outputs())
        .forEach((k, v) -> out.append("  ").append(k).append("  ").append(v).append('\n'));
    out.append("\nExample:\n").append(example(t));
    return out.toString();
  }

  /** A resource entry with every required property, in YAML. */
  public static String example(ResourceType t) {
    JsonNode schema = t.schema() == null ? Json.object() : t.schema();
    StringBuilder out = new StringBuilder();
    out.append("  - type: ").append(t.name()).append('\n');
    out.append("    name: my-").append(t.name().substring(t.name().lastIndexOf(':') + 1));
    out.append('\n');
    Set<String> required = strings(schema.path("required"));
    if (required.isEmpty()) {
      return out.append("    properties: {}\n").toString();
    }
    out.append("    properties:\n");
    for (String name : schema.path("properties").isObject() ? fieldNames(schema) : required) {
      if (required.contains(name)) {
        out.append("      ")
            .append(name)
            .append(": ")
            .append(sample(schema.path("properties").path(name)))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> fieldNames(JsonNode schema) {
    List<String> names = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String sample(JsonNode p) {
    if (p.has("examples") && p.get("examples").isArray() && !p.get("examples").isEmpty()) {
      return Json.write(p.get("examples").get(0));
    }
    if (p.has("default")) {
      return Json.write(p.get("default"));
    }
    if (p.has("enum") && !p.get("enum").isEmpty()) {
      return Json.write(p.get("enum").get(0));
    }
    if (p.has("const")) {
      return Json.write(p.get("const"));
    }
    return switch (typeOf(p).split("\\|")[0]) {
      case "integer" -> p.has("minimum") ? p.get("minimum").asText() : "1";
      case "number" -> "1";
      case "boolean" -> "true";
      case "array" -> "[]";
      case "object" -> "{}";
      default -> "\"...\"";
    };
  }

  private static String typeOf(JsonNode p) {
    JsonNode type = p.path("type");
    String base;
    if (type.isTextual()) {
      base = type.asText();
    } else if (type.isArray()) {
      List<String> types = new ArrayList<>();
      type.forEach(x -> types.add(x.asText()));
      base = String.join("|", types);
    } else if (p.has("enum")) {
      base = "enum";
    } else if (p.has("oneOf") || p.has("anyOf")) {
      List<String> types = new ArrayList<>();
      (p.has("oneOf") ? p.get("oneOf") : p.get("anyOf")).forEach(x -> types.add(typeOf(x)));
      base = String.join("|", types);
    } else {
      base = "any";
    }
    if ("array".equals(base) && p.path("items").has("type")) {
      return "array of " + typeOf(p.get("items"));
    }
    return base;
  }

  private static String join(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.isTextual() ? v.asText() : v.toString()));
    return String.join(" | ", out);
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new java.util.LinkedHashSet<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  /** Wraps at about 96 columns with {@code indent} in front of every line. */
  static String wrap(String text, String indent) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split("\\s+")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > 96) {
        out.append(line).append('\n');
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    return out.append(line).toString();
  }
}
