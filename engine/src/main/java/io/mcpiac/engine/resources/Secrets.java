package io.mcpiac.engine.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Secret-ness as a property of a value. A value is marked secret once (a property its type declares
 * secret; later, a secret variable or {@code ${secret.env:…}}), and the mark travels with it: a
 * reference to it yields a secret, a string it is interpolated into becomes secret, an output that
 * carries it is secret. Every boundary where values are written down (state, journal, plan, plan
 * file, answers) replaces marked values with salted digests through {@link #redact}; a provider
 * gets clear values through {@link #reveal}.
 */
public final class Secrets {
  private Secrets() {}

  /**
   * Marks {@code value} secret: every string inside it. Numbers and booleans become their text (a
   * secret has no arithmetic). Null stays null.
   */
  public static JsonNode mark(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode() || Values.isUnknown(value)) {
      return value;
    }
    if (value.isObject()) {
      ObjectNode out = Json.object();
      value.fields().forEachRemaining(e -> out.set(e.getKey(), mark(e.getValue())));
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      value.forEach(child -> out.add(mark(child)));
      return out;
    }
    if (value instanceof SecretText || Values.isSensitive(value)) {
      return value;
    }
    return new SecretText(value.asText());
  }

  /** A secret string. */
  public static JsonNode text(String secret) {
    return new SecretText(secret);
  }

  public static boolean isSecret(JsonNode node) {
    return node instanceof SecretText;
  }

  /** True when a secret value or a secret's stand-in is anywhere inside {@code node}. */
  public static boolean containsSecret(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (isSecret(node) || Values.isSensitive(node)) {
      return true;
    }
    for (JsonNode child : node) {
      if (containsSecret(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A copy of {@code properties} with the properties {@code type} declares secret marked. A
   * declared name may be a dotted path ({@code native.password}).
   */
  public static ObjectNode markDeclared(ResourceType type, ObjectNode properties) {
    if (type == null || properties == null || type.secretProperties().isEmpty()) {
      return properties;
    }
    ObjectNode out = Json.copy(properties);
    for (String path : type.secretProperties()) {
      String[] segments = path.split("\\.");
      JsonNode parent = out;
      for (int i = 0; i < segments.length - 1 && parent != null; i++) {
        parent = parent.get(segments[i]);
      }
      if (parent instanceof ObjectNode holder) {
        String last = segments[segments.length - 1];
        JsonNode value = holder.get(last);
        if (value != null) {
          holder.set(last, mark(value));
        }
      }
    }
    return out;
  }

  /** The clear strings of every secret inside {@code node}. */
  public static Set<String> clearTexts(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node == null) {
      return;
    }
    if (isSecret(node)) {
      if (!node.textValue().isEmpty()) {
        out.add(node.textValue());
      }
      return;
    }
    for (JsonNode child : node) {
      collect(child, out);
    }
  }

  /**
   * {@code value} with every string that contains one of {@code secrets} marked secret: how a
   * provider's answer (outputs, properties read back) that carries a secret it was given stays
   * secret, whatever the provider did with it.
   */
  public static JsonNode taint(JsonNode value, Set<String> secrets) {
    if (value == null || secrets.isEmpty()) {
      return value;
    }
    if (value.isObject()) {
      ObjectNode out = Json.object();
      value.fields().forEachRemaining(e -> out.set(e.getKey(), taint(e.getValue(), secrets)));
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      value.forEach(child -> out.add(taint(child, secrets)));
      return out;
    }
    if (value.isTextual() && !isSecret(value)) {
      for (String s : secrets) {
        if (value.textValue().contains(s)) {
          return new SecretText(value.textValue());
        }
      }
    }
    return value;
  }

  public static ObjectNode taintObject(ObjectNode value, Set<String> secrets) {
    return value == null ? null : (ObjectNode) taint(value, secrets);
  }

  /** A copy with every secret turned into a plain string: what a provider is given. */
  public static JsonNode reveal(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (isSecret(value)) {
      return TextNode.valueOf(value.textValue());
    }
    if (value.isObject()) {
      ObjectNode out = Json.object();
      value.fields().forEachRemaining(e -> out.set(e.getKey(), reveal(e.getValue())));
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      value.forEach(child -> out.add(reveal(child)));
      return out;
    }
    return value;
  }

  public static ObjectNode revealObject(ObjectNode value) {
    return (ObjectNode) reveal(value);
  }

  /**
   * What is written down: a copy of {@code properties} where every secret (a marked string, or a
   * property {@code type} declares secret) is replaced by its salted digest ({@link
   * Values#sensitive}). The digest's salt is {@code salt/path}, so equal secrets of two resources
   * or properties differ, and a changed secret is still seen.
   */
  public static ObjectNode redact(ResourceType type, String salt, ObjectNode properties) {
    if (properties == null) {
      return null;
    }
    ObjectNode copy = (ObjectNode) redactMarked(markDeclared(type, properties), salt);
    if (type != null) {
      // declared secrets that are not strings (a number, an object): digested whole, as before
      for (String secret : type.secretProperties()) {
        JsonNode value = copy.get(secret);
        if (value != null
            && !value.isNull()
            && !Values.isSensitive(value)
            && !Values.containsUnknown(value)) {
          copy.set(secret, Values.sensitive(salt + "/" + secret, value));
        }
      }
    }
    return copy;
  }

  private static JsonNode redactMarked(JsonNode node, String saltPath) {
    if (isSecret(node)) {
      return Values.sensitive(saltPath, TextNode.valueOf(node.textValue()));
    }
    if (node.isObject()) {
      ObjectNode out = Json.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), redactMarked(e.getValue(), saltPath + "/" + e.getKey()));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (int i = 0; i < node.size(); i++) {
        out.add(redactMarked(node.get(i), saltPath + "/" + i));
      }
      return out;
    }
    return node;
  }

  /**
   * A live value made comparable with what was recorded: wherever {@code recorded} holds a digest,
   * the live value there is replaced by its own digest with the same salt. Equal digests mean the
   * secret is unchanged; a differing one shows as {@code (sensitive)} drift, never as the text.
   */
  public static JsonNode redactLike(JsonNode recorded, JsonNode live, String saltPath) {
    if (recorded == null || live == null || live.isNull()) {
      return live;
    }
    if (Values.isSensitive(recorded)) {
      return Values.isSensitive(live) ? live : Values.sensitive(saltPath, reveal(live));
    }
    if (recorded.isObject() && live.isObject()) {
      ObjectNode out = Json.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = live.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(
            e.getKey(),
            redactLike(recorded.get(e.getKey()), e.getValue(), saltPath + "/" + e.getKey()));
      }
      return out;
    }
    if (recorded.isArray() && live.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (int i = 0; i < live.size(); i++) {
        out.add(redactLike(recorded.get(i), live.get(i), saltPath + "/" + i));
      }
      return out;
    }
    return live;
  }
}
