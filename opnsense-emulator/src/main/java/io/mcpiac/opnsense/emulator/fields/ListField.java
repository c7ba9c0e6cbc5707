package io.mcpiac.opnsense.emulator.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.messages.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code BaseListField}: a value chosen from options, rendered by {@code get} as an option map
 * {@code {"key":{"value":"label","selected":0|1}}}. Single-select fields that are not required get
 * a leading blank option; multi-select values are comma-joined keys.
 */
public abstract class ListField extends Field {
  private boolean multiple;
  private String blankDesc;

  protected ListField(String name) {
    super(name);
  }

  public ListField multiple(boolean multiple) {
    this.multiple = multiple;
    return this;
  }

  public boolean isMultiple() {
    return multiple;
  }

  public ListField blankDesc(String blankDesc) {
    this.blankDesc = blankDesc;
    return this;
  }

  /** The options in the order {@code get} lists them: key to label. */
  public abstract LinkedHashMap<String, String> options(FieldContext ctx);

  /** Message when a key is not among the options (26.x wording unless the model overrides it). */
  protected String notInList(String item) {
    // BaseListField: the item for multi-selects, nothing for single ones (26.x)
    return message(Message.OPTION_NOT_IN_LIST, multiple ? item : null);
  }

  public List<String> selectedKeys(String value) {
    if (value.isEmpty()) {
      return List.of();
    }
    return multiple ? Arrays.asList(value.split(",", -1)) : List.of(value);
  }

  @Override
  public List<String> validateValue(String value, FieldContext ctx) {
    Map<String, String> opts = options(ctx);
    Set<String> out = new LinkedHashSet<>();
    for (String key : selectedKeys(value)) {
      if (!opts.containsKey(key)) {
        out.add(notInList(key));
      }
    }
    return new ArrayList<>(out);
  }

  @Override
  public boolean rendersAsText() {
    return false;
  }

  @Override
  public JsonNode encodeForGet(String value, FieldContext ctx) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode map = f.objectNode();
    List<String> selected = selectedKeys(value);
    if (!multiple && !required()) {
      ObjectNode blank = map.putObject("");
      blank.put("value", blankDesc == null ? "None" : blankDesc);
      blank.put("selected", value.isEmpty() ? 1 : 0);
    }
    for (Map.Entry<String, String> e : options(ctx).entrySet()) {
      ObjectNode o = map.putObject(e.getKey());
      o.put("value", e.getValue());
      o.put("selected", selected.contains(e.getKey()) ? 1 : 0);
    }
    // PHP turns an empty array into [] rather than {}
    return map.isEmpty() ? f.arrayNode() : map;
  }

  @Override
  public String describe(String value, FieldContext ctx) {
    Map<String, String> opts = options(ctx);
    List<String> labels = new ArrayList<>();
    for (String key : selectedKeys(value)) {
      labels.add(opts.getOrDefault(key, key));
    }
    // BaseListField::getDescription: implode(", ", …)
    return String.join(", ", labels);
  }
}
