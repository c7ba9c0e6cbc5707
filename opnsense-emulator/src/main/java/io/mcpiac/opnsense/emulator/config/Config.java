package io.mcpiac.opnsense.emulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The emulated {@code config.xml}: lists of items keyed by uuid (in insertion order, like the XML)
 * and model-level settings sections. Backed by one JSON tree so snapshots, revisions and the state
 * dump are plain copies.
 */
public final class Config {
  private final ObjectNode root;

  public Config(ObjectNode root) {
    this.root = root;
    if (!root.has("collections")) {
      root.putObject("collections");
    }
    if (!root.has("settings")) {
      root.putObject("settings");
    }
  }

  public static Config empty() {
    return new Config(JsonNodeFactory.instance.objectNode());
  }

  public ObjectNode json() {
    return root;
  }

  public Config copy() {
    return new Config(root.deepCopy());
  }

  /** The list {@code id} (created empty on first use): uuid to item. */
  public ObjectNode collection(String id) {
    ObjectNode cols = (ObjectNode) root.get("collections");
    JsonNode c = cols.get(id);
    if (!(c instanceof ObjectNode)) {
      c = cols.putObject(id);
    }
    return (ObjectNode) c;
  }

  public ObjectNode item(String collectionId, String uuid) {
    JsonNode n = collection(collectionId).get(uuid);
    return n instanceof ObjectNode o ? o : null;
  }

  public List<Map.Entry<String, JsonNode>> items(String collectionId) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    collection(collectionId).properties().forEach(out::add);
    return out;
  }

  /** A model-level settings section such as the source NAT mode (created empty on first use). */
  public ObjectNode settings(String name) {
    ObjectNode s = (ObjectNode) root.get("settings");
    JsonNode n = s.get(name);
    if (!(n instanceof ObjectNode)) {
      n = s.putObject(name);
    }
    return (ObjectNode) n;
  }
}
