package io.mcpiac.engine.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * Special property values: <em>unknown until apply</em> and <em>sensitive</em>.
 *
 * <p>Both are plain JSON strings with a prefix no configuration can produce (a NUL character), so
 * they survive plan files and state as ordinary JSON.
 */
public final class Values {
  /** A value that is only known once a dependency has been applied. */
  public static final TextNode UNKNOWN = TextNode.valueOf("\u0000unknown");

  private static final String SENSITIVE_PREFIX = "\u0000sensitive:";

  /**
   * What a secret value writes when it is serialised without having been redacted first (see {@link
   * SecretText}): a stand-in with no digest, never the secret.
   */
  static final String UNSALTED_STAND_IN = SENSITIVE_PREFIX + "-";

  /** The marker prefix every engine-internal value starts with; input may never contain it. */
  public static final String INTERNAL_MARK = "\u0000";

  private Values() {}

  public static boolean isUnknown(JsonNode node) {
    return UNKNOWN.equals(node);
  }

  /** True when the value is unknown or contains an unknown value anywhere inside it. */
  public static boolean containsUnknown(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (isUnknown(node)) {
      return true;
    }
    for (JsonNode child : node) {
      if (containsUnknown(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The stand-in recorded for a secret: a salted digest, so a change of the secret is still seen
   * without the secret itself being stored.
   */
  public static TextNode sensitive(String salt, JsonNode secret) {
    String digest = Json.sha256(salt + "\n" + Json.canonical(secret)).substring(0, 32);
    return TextNode.valueOf(SENSITIVE_PREFIX + digest);
  }

  public static boolean isSensitive(JsonNode node) {
    return node != null && node.isTextual() && node.textValue().startsWith(SENSITIVE_PREFIX);
  }

  /** A digest stand-in, or a secret value that is shown only as {@code (sensitive)}. */
  private static boolean hidden(JsonNode node) {
    return isSensitive(node) || Secrets.isSecret(node);
  }

  /**
   * A copy of {@code properties} with every secret replaced by its digest (see {@link
   * Secrets#redact}). Salt with the resource's address so equal secrets of two resources do not
   * give equal digests.
   */
  public static ObjectNode redact(ResourceType type, String salt, ObjectNode properties) {
    return Secrets.redact(type, salt, Json.copy(properties));
  }

  /**
   * The salt of a resource's secret digests: its address, so equal secrets of two resources do not
   * give equal digests.
   */
  public static String salt(String deployment, String resource) {
    return deployment + "/" + resource;
  }

  /** Human text for a value in plans and messages. */
  public static String display(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "(none)";
    }
    if (isUnknown(node)) {
      return "(known after apply)";
    }
    if (hidden(node)) {
      return "(sensitive)";
    }
    if (containsUnknown(node) || containsSensitive(node)) {
      return Json.write(masked(node));
    }
    return node.isTextual() ? "\"" + node.textValue() + "\"" : Json.write(node);
  }

  private static boolean containsSensitive(JsonNode node) {
    if (hidden(node)) {
      return true;
    }
    for (JsonNode child : node) {
      if (containsSensitive(child)) {
        return true;
      }
    }
    return false;
  }

  /** The value with unknown and sensitive stand-ins replaced by their display text. */
  public static JsonNode masked(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (isUnknown(node)) {
      return TextNode.valueOf("(known after apply)");
    }
    if (hidden(node)) {
      return TextNode.valueOf("(sensitive)");
    }
    if (node.isObject()) {
      ObjectNode out = Json.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), masked(e.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      var out = Json.MAPPER.createArrayNode();
      node.forEach(child -> out.add(masked(child)));
      return out;
    }
    return node;
  }
}
