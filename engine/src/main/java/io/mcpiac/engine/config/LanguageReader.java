package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the declarations of the deployment language from a document: {@code spec.variables} (a
 * template's {@code spec.parameters}), {@code spec.outputs}, and a resource's {@code forEach}.
 * Problems of shape become diagnostics with their lines; nothing is evaluated here.
 */
final class LanguageReader {
  private static final Set<String> OUTPUT_KEYS = Set.of("value", "description", "sensitive");
  private static final Set<String> NOT_SCHEMA = Set.of("sensitive", "schema", "description");

  private final String origin;
  private final SourceMap lines;
  private final List<Diagnostic> problems;

  LanguageReader(String origin, SourceMap lines, List<Diagnostic> problems) {
    this.origin = origin;
    this.lines = lines;
    this.problems = problems;
  }

  /**
   * {@code name: {type, default, description, sensitive}} (the mapping is a JSON Schema, or has one
   * under {@code schema}); {@code name: string} is short for {@code {type: string}}.
   */
  Map<String, VariableDeclaration> variables(JsonNode node, String path) {
    Map<String, VariableDeclaration> out = new LinkedHashMap<>();
    named(node, path, "{type, default, description, sensitive}")
        .forEach(
            (name, value) -> out.put(name, variable(name, value, SourceMap.child(path, name))));
    return out;
  }

  /** The entries of a mapping of names, each with a valid name; problems for the others. */
  private Map<String, JsonNode> named(JsonNode node, String path, String shape) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (!isPresent(node)) {
      return out;
    }
    if (!node.isObject()) {
      problem(path, "must be a mapping of name: " + shape);
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (Names.isPlainName(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      } else {
        problem(
            SourceMap.child(path, e.getKey()),
            "'" + e.getKey() + "' is not a valid name: use letters, digits, '-' and '_'");
      }
    }
    return out;
  }

  private VariableDeclaration variable(String name, JsonNode value, String path) {
    SourceLocation location = at(path);
    ObjectNode schema = Json.object();
    if (value != null && value.isTextual()) {
      schema.put("type", value.textValue());
      return new VariableDeclaration(name, schema, null, null, false, location);
    }
    if (!isPresent(value)) {
      return new VariableDeclaration(name, schema, null, null, false, location);
    }
    if (!value.isObject()) {
      problem(path, "must be a mapping such as {type: string, default: x}");
      return new VariableDeclaration(name, schema, null, null, false, location);
    }
    JsonNode explicit = value.get("schema");
    if (isPresent(explicit)) {
      if (explicit.isObject()) {
        schema = Json.copy((ObjectNode) explicit);
      } else {
        problem(SourceMap.child(path, "schema"), "must be a JSON Schema mapping");
      }
    } else {
      ObjectNode copy = Json.copy((ObjectNode) value);
      NOT_SCHEMA.forEach(copy::remove);
      copy.remove("default");
      schema = copy;
    }
    JsonNode sensitive = value.get("sensitive");
    if (isPresent(sensitive) && !sensitive.isBoolean()) {
      problem(SourceMap.child(path, "sensitive"), "must be true or false");
    }
    JsonNode defaultValue = value.has("default") ? value.get("default") : null;
    return new VariableDeclaration(
        name,
        schema,
        defaultValue,
        text(value.get("description"), SourceMap.child(path, "description")),
        sensitive != null && sensitive.asBoolean(false),
        location);
  }

  /** {@code name: {value, description, sensitive}}; {@code name: "${…}"} is short for the value. */
  List<OutputDeclaration> outputs(JsonNode node, String path) {
    List<OutputDeclaration> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e :
        named(node, path, "{value, description, sensitive}").entrySet()) {
      String at = SourceMap.child(path, e.getKey());
      JsonNode v = e.getValue();
      if (v == null || !v.isObject() || !v.has("value")) {
        out.add(new OutputDeclaration(e.getKey(), v, null, false, at(at)));
        continue;
      }
      v.fieldNames()
          .forEachRemaining(
              key -> {
                if (!OUTPUT_KEYS.contains(key)) {
                  problems.add(
                      new Diagnostic(
                          DiagnosticCodes.UNKNOWN_KEY,
                          at(SourceMap.child(at, key)),
                          null,
                          SourceMap.child(at, key),
                          "unknown key '"
                              + key
                              + "'"
                              + Suggestions.didYouMean(key, OUTPUT_KEYS)
                              + "; known keys: description, sensitive, value"));
                }
              });
      out.add(
          new OutputDeclaration(
              e.getKey(),
              v.get("value"),
              text(v.get("description"), SourceMap.child(at, "description")),
              v.path("sensitive").asBoolean(false),
              at(at)));
    }
    return out;
  }

  /** A resource's {@code forEach} and {@code forEachKey}; null when it has none. */
  ForEachSpec forEach(JsonNode resource, String path) {
    JsonNode value = resource.get("forEach");
    JsonNode key = resource.get("forEachKey");
    if (!isPresent(value)) {
      if (isPresent(key)) {
        problem(SourceMap.child(path, "forEachKey"), "forEachKey needs a forEach");
      }
      return null;
    }
    String keyField = null;
    if (isPresent(key)) {
      if (key.isTextual()) {
        keyField = key.textValue();
      } else {
        problem(SourceMap.child(path, "forEachKey"), "must be the name of a field");
      }
    }
    return new ForEachSpec(value, keyField, at(SourceMap.child(path, "forEach")));
  }

  String text(JsonNode node, String path) {
    if (!isPresent(node)) {
      return null;
    }
    if (!node.isValueNode()) {
      problem(path, "must be text");
      return null;
    }
    return node.asText();
  }

  private void problem(String path, String message) {
    problems.add(new Diagnostic(DiagnosticCodes.INVALID_VALUE, at(path), null, path, message));
  }

  private SourceLocation at(String path) {
    return new SourceLocation(origin, lines.nearestLineOf(path));
  }

  private static boolean isPresent(JsonNode value) {
    return value != null && !value.isNull() && !value.isMissingNode();
  }
}
