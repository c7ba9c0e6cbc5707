package io.mcpiac.opnsense.emulator.fields;

import java.util.LinkedHashMap;
import java.util.function.Function;

/**
 * A list field whose options come from the running system: {@code InterfaceField}, {@code
 * CertificateField}, {@code JsonKeyValueStoreField} (configd), device lists, categories.
 */
public class DynamicOptionField extends ListField {
  private final Function<FieldContext, LinkedHashMap<String, String>> source;

  public DynamicOptionField(
      String name, Function<FieldContext, LinkedHashMap<String, String>> source) {
    super(name);
    this.source = source;
  }

  @Override
  public LinkedHashMap<String, String> options(FieldContext ctx) {
    return source.apply(ctx);
  }
}
