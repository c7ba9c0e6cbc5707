package io.mcpiac.opnsense.emulator.fields;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How {@code CSVListField} and {@code AsList=Y} fields render in {@code get}: every stored item as
 * {@code {"item":{"value":"item","selected":1}}}; an empty value still yields the blank item.
 */
public final class ListRendering {
  private ListRendering() {}

  public static List<String> split(String value, String separator) {
    return Arrays.asList(value.split(Pattern.quote(separator), -1));
  }

  public static ObjectNode itemMap(String value, String separator) {
    ObjectNode map = JsonNodeFactory.instance.objectNode();
    for (String item : split(value, separator)) {
      ObjectNode o = map.putObject(item);
      o.put("value", item);
      o.put("selected", 1);
    }
    return map;
  }
}
