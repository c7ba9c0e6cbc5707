package io.mcpiac.opnsense.emulator.fields;

import io.mcpiac.opnsense.emulator.messages.Message;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code IntegerField} / {@code NumericField}. The integer (or numeric) check and the min/max check
 * are separate validators sharing one message, so a non-number collects the same text twice.
 */
public class IntegerField extends Field {
  private final boolean integer;
  private BigDecimal min;
  private BigDecimal max;

  public IntegerField(String name, boolean integer) {
    super(name);
    this.integer = integer;
  }

  public IntegerField min(String v) {
    this.min = v == null ? null : new BigDecimal(v);
    return this;
  }

  public IntegerField max(String v) {
    this.max = v == null ? null : new BigDecimal(v);
    return this;
  }

  public BigDecimal minimum() {
    return min;
  }

  @Override
  public List<String> validateValue(String value, FieldContext ctx) {
    String msg = message(integer ? Message.INTEGER : Message.NUMERIC, null);
    List<String> out = new ArrayList<>();
    boolean ok = integer ? value.matches("^-?[0-9]+$") : value.matches("^-?[0-9]*\\.?[0-9]+$");
    if (!ok) {
      out.add(msg);
    }
    if (min != null || max != null) {
      BigDecimal n = null;
      try {
        n = new BigDecimal(value.trim());
      } catch (NumberFormatException e) {
        // a non-number fails the range check too
      }
      if (n == null
          || (min != null && n.compareTo(min) < 0)
          || (max != null && n.compareTo(max) > 0)) {
        out.add(msg);
      }
    }
    return out;
  }
}
