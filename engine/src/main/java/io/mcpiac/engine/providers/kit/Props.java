package io.mcpiac.engine.providers.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one property helper of every provider: typed values out of (schema-checked) resource
 * properties, and the conversions between friendly JSON values and the string fields many systems
 * keep (OPNsense's config.xml, Docker's labels and env).
 */
public final class Props {
  private static final Pattern INTEGER = Pattern.compile("^-?[0-9]{1,9}$");

  private Props() {}

  /** A property as text: strings as they are, numbers and booleans as written; null if absent. */
  public static String text(ObjectNode props, String key) {
    JsonNode n = props == null ? null : props.get(key);
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isArray()) {
      return String.join(",", list(n));
    }
    return n.asText();
  }

  public static boolean bool(ObjectNode props, String key, boolean whenAbsent) {
    JsonNode n = props == null ? null : props.get(key);
    if (n == null || n.isNull()) {
      return whenAbsent;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    String t = n.asText().trim().toLowerCase(java.util.Locale.ROOT);
    return t.equals("1") || t.equals("true") || t.equals("yes") || t.equals("on");
  }

  /** A string or an array of strings as a list. */
  public static List<String> list(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull() || n.isMissingNode()) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else {
      out.add(n.asText());
    }
    return out;
  }

  public static List<String> list(ObjectNode props, String key) {
    return list(props == null ? null : props.get(key));
  }

  /** A comma- or newline-separated field as a JSON array (empty field → empty array). */
  public static ArrayNode split(String value, String separator) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    if (value == null || value.isEmpty()) {
      return a;
    }
    for (String s : value.split(Pattern.quote(separator), -1)) {
      if (!s.isEmpty()) {
        a.add(s);
      }
    }
    return a;
  }

  public static JsonNode intOrText(String value) {
    if (value == null) {
      return TextNode.valueOf("");
    }
    return INTEGER.matcher(value).matches()
        ? IntNode.valueOf(Integer.parseInt(value))
        : TextNode.valueOf(value);
  }

  public static BooleanNode boolOf(String value) {
    return BooleanNode.valueOf("1".equals(value) || "true".equalsIgnoreCase(value));
  }

  /**
   * {@code live} in the shape of {@code recorded} when both mean the same (443 vs "443", "lan" vs
   * ["lan"], "10.0.0.5" vs "10.0.0.5:80" is not the same): plans then show no false differences,
   * while a real change still shows.
   */
  public static JsonNode like(JsonNode recorded, JsonNode live) {
    if (recorded == null || live == null || recorded.isNull()) {
      return live;
    }
    if (recorded.isValueNode() && live.isValueNode()) {
      return recorded.asText().equals(live.asText()) ? recorded : live;
    }
    if (recorded.isValueNode() && live.isArray()) {
      if (live.size() == 1 && recorded.asText().equals(live.get(0).asText())) {
        return recorded;
      }
      if (live.isEmpty() && recorded.asText().isEmpty()) {
        return recorded;
      }
      List<String> l = list(live);
      if (String.join(",", l).equals(recorded.asText())) {
        return recorded;
      }
      return live;
    }
    if (recorded.isArray() && live.isArray()) {
      if (recorded.size() != live.size()) {
        return live;
      }
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (int i = 0; i < live.size(); i++) {
        out.add(like(recorded.get(i), live.get(i)));
      }
      return out;
    }
    if (recorded.isArray() && live.isValueNode()) {
      if (recorded.size() == 1 && recorded.get(0).asText().equals(live.asText())) {
        return recorded;
      }
      return live;
    }
    if (recorded.isObject() && live.isObject()) {
      ObjectNode out = ((ObjectNode) live).deepCopy();
      recorded
          .fields()
          .forEachRemaining(
              e -> {
                if (out.has(e.getKey())) {
                  out.set(e.getKey(), like(e.getValue(), out.get(e.getKey())));
                }
              });
      return out;
    }
    return live;
  }

  /** Whether the property is set and holds no value unknown until apply. */
  public static boolean known(ObjectNode props, String key) {
    JsonNode v = props == null ? null : props.get(key);
    return v != null && !Values.containsUnknown(v);
  }

  /** A map of scalars ({@code env}, {@code labels}, {@code buildArgs}) as strings. */
  public static Map<String, String> map(ObjectNode props, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode v = props == null ? null : props.get(key);
    if (v != null && v.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
      }
    }
    return out;
  }
}
