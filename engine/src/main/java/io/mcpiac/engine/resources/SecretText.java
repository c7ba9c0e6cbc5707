package io.mcpiac.engine.resources;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;

/**
 * A string that is secret: code that asks for its text ({@link #textValue()}, {@link #asText()})
 * gets the clear value, so references and string interpolation carry it on; anything that
 * <em>serialises</em> it (state, plan files, {@code --json}, MCP answers, logs through {@link
 * #toString()}) writes a stand-in instead. Deep copies keep the marking: Jackson copies value nodes
 * by reference.
 */
final class SecretText extends ValueNode {
  private static final long serialVersionUID = 1L;

  private final String value;

  SecretText(String value) {
    this.value = value;
  }

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.STRING;
  }

  @Override
  public JsonToken asToken() {
    return JsonToken.VALUE_STRING;
  }

  @Override
  public String textValue() {
    return value;
  }

  @Override
  public String asText() {
    return value;
  }

  @Override
  public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
    g.writeString(Values.UNSALTED_STAND_IN);
  }

  @Override
  public String toString() {
    return "\"(sensitive)\"";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretText other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
