package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Secrets;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and resolves {@code ${...}} references inside property values. A string that is only a
 * reference takes the referenced value with its type; a reference inside a longer string is
 * interpolated as text. {@code $${} escapes a literal {@code ${}.
 */
public final class References {
  // type segments are [a-z0-9-]+ separated by ':'; the name may contain letters, digits, '-', '_',
  // an instance key in brackets (vlan[guest]), or be any name in parentheses ((web.backend)); the
  // attribute is a dotted path whose segments are never empty. Secrets: ${secret.env:NAME},
  // ${secret.file:PATH}.
  private static final Pattern REF =
      Pattern.compile(
          "(?<!\\$)\\$\\{\\s*(?:secret\\.(?<secret>env|file):(?<secretName>[^}\\s]+)"
              + "|(?<type>(?:[A-Za-z][A-Za-z0-9_-]*:)*)"
              + "(?:\\((?<quoted>[^()\\s}]+)\\)|(?<name>[A-Za-z0-9][A-Za-z0-9_-]*(?:\\[[^\\]\\s}]+])?))"
              + "\\.(?<attr>[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*))\\s*}");

  private static final Pattern ANY = Pattern.compile("(?<!\\$)\\$\\{([^}]*)}");

  // an opening "${" that is never closed: everything from it to the end of the text
  private static final Pattern UNCLOSED = Pattern.compile("(?<!\\$)\\$\\{[^}]*$");

  private static final String ESCAPE = "$${";

  private References() {}

  /** Every well-formed reference inside {@code value}, in order of appearance. */
  public static List<Reference> find(JsonNode value) {
    List<Reference> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  /** Whether {@code text} is exactly one reference (so it takes the referenced value's type). */
  public static boolean isWholeReference(String text) {
    return REF.matcher(text).matches();
  }

  /** The {@code ${...}} expressions that are not well-formed references, for error messages. */
  public static List<String> malformed(String text) {
    List<String> bad = new ArrayList<>();
    Matcher any = ANY.matcher(text);
    int end = 0;
    while (any.find()) {
      if (!REF.matcher(any.group()).matches()) {
        bad.add(any.group());
      }
      end = any.end();
    }
    Matcher unclosed = UNCLOSED.matcher(text);
    if (unclosed.find(end)) {
      bad.add(unclosed.group());
    }
    return bad;
  }

  private static void collect(JsonNode value, List<Reference> out) {
    if (value == null) {
      return;
    }
    if (value.isTextual()) {
      Matcher m = REF.matcher(value.textValue());
      while (m.find()) {
        out.add(toReference(m));
      }
    } else {
      for (JsonNode child : value) {
        collect(child, out);
      }
    }
  }

  private static Reference toReference(Matcher m) {
    if (m.group("secret") != null) {
      return new Reference("secret." + m.group("secret"), m.group("secretName"), "", m.group());
    }
    String qualifier = m.group("type");
    String type = qualifier.isEmpty() ? null : qualifier.substring(0, qualifier.length() - 1);
    String name = m.group("quoted") != null ? m.group("quoted") : m.group("name");
    return new Reference(type, name, m.group("attr"), m.group());
  }

  /**
   * How a reference to {@code name} is written: as is for a plain name or {@code vlan[guest]}, in
   * parentheses for a name with dots ({@code (web.backend)}), which would otherwise read as an
   * attribute path.
   */
  public static String nameInReference(String name) {
    return name.contains(".") ? "(" + name + ")" : name;
  }

  /**
   * A copy of {@code value} with every reference replaced by {@code lookup}'s answer. When the
   * answer is {@link Values#UNKNOWN} the whole string becomes unknown.
   */
  public static JsonNode resolve(JsonNode value, Function<Reference, JsonNode> lookup) {
    return replace(value, lookup, true);
  }

  /**
   * Like {@link #resolve} while a deployment is still being expanded (variables, {@code each},
   * template parameters): references {@code lookup} answers null for stay as written, and {@code
   * $${} stays escaped for the final resolution.
   */
  public static JsonNode substitute(JsonNode value, Function<Reference, JsonNode> lookup) {
    return replace(value, lookup, false);
  }

  private static JsonNode replace(
      JsonNode value, Function<Reference, JsonNode> lookup, boolean unescape) {
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      return resolveText(value.textValue(), lookup, unescape);
    }
    if (value.isObject()) {
      ObjectNode out = Json.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), replace(e.getValue(), lookup, unescape));
      }
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      value.forEach(child -> out.add(replace(child, lookup, unescape)));
      return out;
    }
    return value;
  }

  public static ObjectNode resolveObject(ObjectNode value, Function<Reference, JsonNode> lookup) {
    return (ObjectNode) resolve(value, lookup);
  }

  private static JsonNode resolveText(
      String text, Function<Reference, JsonNode> lookup, boolean unescape) {
    Matcher m = REF.matcher(text);
    if (m.matches()) {
      JsonNode resolved = lookup.apply(toReference(m));
      return resolved == null ? TextNode.valueOf(text) : resolved;
    }
    m.reset();
    StringBuilder out = new StringBuilder();
    int last = 0;
    boolean secret = false;
    while (m.find()) {
      // only the text the user wrote is unescaped, never a substituted value
      String literal = text.substring(last, m.start());
      out.append(unescape ? unescape(literal) : literal);
      JsonNode resolved = lookup.apply(toReference(m));
      if (Values.containsUnknown(resolved)) {
        return Values.UNKNOWN;
      }
      // a string with a secret inside is secret as a whole
      secret |= Secrets.containsSecret(resolved);
      JsonNode clear = Secrets.reveal(resolved);
      out.append(resolved == null ? m.group() : clear.isTextual() ? clear.textValue() : clear);
      last = m.end();
    }
    String rest = text.substring(last);
    out.append(unescape ? unescape(rest) : rest);
    return secret ? Secrets.text(out.toString()) : TextNode.valueOf(out.toString());
  }

  private static String unescape(String literal) {
    return literal.replace(ESCAPE, "${");
  }

  /**
   * Sets {@code value} at a dotted path of objects ({@code native.password}), making the objects on
   * the way.
   */
  public static void put(ObjectNode root, String dottedPath, JsonNode value) {
    String[] segments = dottedPath.split("\\.");
    ObjectNode holder = root;
    for (int i = 0; i < segments.length - 1; i++) {
      holder =
          holder.get(segments[i]) instanceof ObjectNode child
              ? child
              : holder.putObject(segments[i]);
    }
    holder.set(segments[segments.length - 1], value);
  }

  /** Removes what is at a dotted path of objects, if anything. */
  public static void remove(ObjectNode root, String dottedPath) {
    int last = dottedPath.lastIndexOf('.');
    JsonNode parent = last < 0 ? root : at(root, dottedPath.substring(0, last));
    if (parent instanceof ObjectNode holder) {
      holder.remove(dottedPath.substring(last + 1));
    }
  }

  /** Follows a dotted path ({@code items.0.port}) into a value; null when absent. */
  public static JsonNode at(JsonNode root, String dottedPath) {
    JsonNode node = root;
    for (String segment : dottedPath.split("\\.")) {
      if (node == null) {
        return null;
      }
      if (Values.isUnknown(node)) {
        return Values.UNKNOWN;
      }
      if (node.isArray() && segment.chars().allMatch(Character::isDigit)) {
        node = node.get(Integer.parseInt(segment));
      } else {
        node = node.get(segment);
      }
    }
    return node;
  }
}
