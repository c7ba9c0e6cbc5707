package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of {@code spec.variables} (or a template's {@code spec.parameters}): a JSON Schema
 * ({@code type}, {@code enum}, {@code minimum}, … or a whole {@code schema}) with a {@code
 * default}, a {@code description} and whether it is {@code sensitive}.
 *
 * @param defaultValue null when the variable is required
 */
public record VariableDeclaration(
    String name,
    ObjectNode schema,
    JsonNode defaultValue,
    String description,
    boolean sensitive,
    SourceLocation location) {

  public boolean required() {
    return defaultValue == null;
  }

  /** The declared type for messages and listings: {@code string}, {@code list}, or {@code any}. */
  public String typeName() {
    JsonNode type = schema.get("type");
    if (type != null) {
      return type.isTextual() ? type.textValue() : type.toString();
    }
    return schema.has("enum") ? "one of " + schema.get("enum") : "any";
  }
}
