package io.mcpiac.opnsense.emulator.fields;

import java.util.LinkedHashMap;

/** {@code OptionField}: a fixed option list from the model XML. */
public class OptionField extends ListField {
  private final LinkedHashMap<String, String> options;

  public OptionField(String name, LinkedHashMap<String, String> options) {
    super(name);
    this.options = options;
  }

  @Override
  public LinkedHashMap<String, String> options(FieldContext ctx) {
    return options;
  }
}
