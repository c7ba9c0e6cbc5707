package io.mcpiac.opnsense.emulator.fields;

import java.util.List;

/** Validates as an integer with optional bounds when numeric, else accepts any text. */
public class IntegerFieldAdapter extends Field {
  private final IntegerField integer;

  protected IntegerFieldAdapter(String name, boolean numeric) {
    super(name);
    this.integer = numeric ? new IntegerField(name, true) : null;
  }

  public IntegerFieldAdapter bounds(String min, String max) {
    if (integer != null) {
      integer.min(min).max(max);
    }
    return this;
  }

  @Override
  public Field setMessage(String message) {
    if (integer != null) {
      integer.setMessage(message);
    }
    return super.setMessage(message);
  }

  @Override
  public List<String> validateValue(String value, FieldContext ctx) {
    return integer == null ? none() : integer.validateValue(value, ctx);
  }
}
