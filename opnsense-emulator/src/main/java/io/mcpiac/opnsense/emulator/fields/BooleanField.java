package io.mcpiac.opnsense.emulator.fields;

import io.mcpiac.opnsense.emulator.messages.Message;
import java.util.List;

/** {@code BooleanField}: the strings "0" and "1"; default "0" when the model gives none. */
public class BooleanField extends Field {
  public BooleanField(String name) {
    super(name);
    setDefault("0");
  }

  @Override
  public List<String> validateValue(String value, FieldContext ctx) {
    return value.matches("^[01]$") ? none() : one(message(Message.BOOLEAN, null));
  }
}
