package io.mcpiac.opnsense.emulator.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * {@code UpdateOnlyTextField} (passwords): {@code get} always shows "", an empty input keeps the
 * value.
 */
public class UpdateOnlyTextField extends Field {
  public UpdateOnlyTextField(String name) {
    super(name);
  }

  @Override
  public List<String> validateValue(String value, FieldContext ctx) {
    return none();
  }

  @Override
  public JsonNode encodeForGet(String value, FieldContext ctx) {
    return TextNode.valueOf("");
  }

  @Override
  public String describe(String value, FieldContext ctx) {
    return "";
  }
}
