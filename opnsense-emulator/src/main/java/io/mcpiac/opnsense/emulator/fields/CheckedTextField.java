package io.mcpiac.opnsense.emulator.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A text-valued field whose items are checked one by one: the shared shape of {@code NetworkField},
 * {@code HostnameField}, {@code MacAddressField}, {@code PortField}, {@code NetworkAliasField},
 * {@code CSVListField} and the model-local text types. {@code asList} makes it a list field ({@code
 * AsList=Y} / CSV) rendered as an item map; {@code multiple} keeps a comma list rendered as text.
 */
public class CheckedTextField extends Field {
  private final BiPredicate<String, FieldContext> itemValid;
  private final java.util.function.BiFunction<String, FieldContext, String> itemMessage;
  private String separator;
  private boolean renderAsList;
  private Function<String, String> describer = Function.identity();
  private BiDescriber contextDescriber;

  /** Describes a value with access to the field context (e.g. {@code lan → LAN net}). */
  public interface BiDescriber {
    String describe(String item, FieldContext ctx);
  }

  public CheckedTextField(
      String name,
      BiPredicate<String, FieldContext> itemValid,
      Function<String, String> itemMessage) {
    this(name, itemValid, (v, c) -> itemMessage.apply(v));
  }

  /** With a message that depends on the release (the type's wording changed). */
  public CheckedTextField(
      String name,
      BiPredicate<String, FieldContext> itemValid,
      java.util.function.BiFunction<String, FieldContext, String> itemMessage) {
    super(name);
    this.itemValid = itemValid;
    this.itemMessage = itemMessage;
  }

  /** Items separated by {@code sep}; rendered as an item map when {@code renderAsList}. */
  public CheckedTextField list(String sep, boolean renderAsList) {
    this.separator = sep;
    this.renderAsList = renderAsList;
    return this;
  }

  public CheckedTextField describer(BiDescriber d) {
    this.contextDescriber = d;
    return this;
  }

  public List<String> items(String value) {
    return separator == null ? List.of(value) : ListRendering.split(value, separator);
  }

  @Override
  public List<String> validateValue(String value, FieldContext ctx) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String item : items(value)) {
      if (!itemValid.test(item, ctx)) {
        out.add(
            hasCustomMessage()
                ? io.mcpiac.opnsense.emulator.messages.Php.validationMessage(message(null), item)
                : itemMessage.apply(item, ctx));
      }
    }
    return new ArrayList<>(out);
  }

  @Override
  public boolean rendersAsText() {
    return !renderAsList;
  }

  @Override
  public JsonNode encodeForGet(String value, FieldContext ctx) {
    return renderAsList ? ListRendering.itemMap(value, separator) : TextNode.valueOf(value);
  }

  @Override
  public String describe(String value, FieldContext ctx) {
    if (contextDescriber == null) {
      return describer.apply(value);
    }
    List<String> parts = new ArrayList<>();
    for (String item : items(value)) {
      parts.add(contextDescriber.describe(item, ctx));
    }
    return String.join(", ", parts);
  }
}
