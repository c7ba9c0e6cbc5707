package io.mcpiac.opnsense.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.fields.Field;
import io.mcpiac.opnsense.emulator.fields.FieldContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of one list item (or settings section): its fields in model order and nested
 * containers. Items are stored as Jackson objects whose leaves are strings, containers nested
 * objects, exactly the JSON a client sends.
 */
public final class ItemModel {
  /** A field with its path relative to the item ({@code destination.port}). */
  public record Leaf(String path, Field field) {}

  private final LinkedHashMap<String, Object> children = new LinkedHashMap<>();

  public ItemModel add(Field f) {
    children.put(f.name(), f);
    return this;
  }

  public ItemModel addContainer(String name, ItemModel container) {
    children.put(name, container);
    return this;
  }

  public ItemModel container(String name) {
    Object c = children.get(name);
    return c instanceof ItemModel m ? m : null;
  }

  /** Replaces a field (used by resources that need a richer type than the table gives). */
  public ItemModel replace(Field f) {
    children.put(f.name(), f);
    return this;
  }

  /** Drops a field (a newer model's addition the older profile does not have). */
  public ItemModel remove(String name) {
    children.remove(name);
    return this;
  }

  public Map<String, Object> children() {
    return children;
  }

  public List<Leaf> leaves() {
    List<Leaf> out = new ArrayList<>();
    collect("", out);
    return out;
  }

  private void collect(String prefix, List<Leaf> out) {
    for (Map.Entry<String, Object> e : children.entrySet()) {
      if (e.getValue() instanceof Field f) {
        out.add(new Leaf(prefix + e.getKey(), f));
      } else {
        ((ItemModel) e.getValue()).collect(prefix + e.getKey() + ".", out);
      }
    }
  }

  public Field field(String path) {
    for (Leaf l : leaves()) {
      if (l.path().equals(path)) {
        return l.field();
      }
    }
    return null;
  }

  /** A new item with every default applied (the add and template path). */
  public ObjectNode newItem(FieldContext ctx) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, Object> e : children.entrySet()) {
      if (e.getValue() instanceof Field f) {
        item.put(e.getKey(), f.initialValue(ctx));
      } else {
        item.set(e.getKey(), ((ItemModel) e.getValue()).newItem(ctx));
      }
    }
    return item;
  }

  /**
   * A stored item as OPNsense loads it: fields absent from storage (volatile ones, fields added by
   * a newer model) hold their model default.
   */
  public ObjectNode loaded(ObjectNode stored) {
    ObjectNode item = stored.deepCopy();
    for (Leaf l : leaves()) {
      if (!has(item, l.path())) {
        put(item, l.path(), l.field().defaultValue());
      }
    }
    return item;
  }

  private static boolean has(ObjectNode item, String path) {
    JsonNode n = item;
    for (String part : path.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    return n != null;
  }

  /** The stored value at a dotted path, "" when absent. */
  public static String value(ObjectNode item, String path) {
    JsonNode n = item;
    for (String part : path.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    return n == null || n.isContainerNode() ? "" : n.asText();
  }

  public static void put(ObjectNode item, String path, String value) {
    String[] parts = path.split("\\.");
    ObjectNode n = item;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode c = n.get(parts[i]);
      if (!(c instanceof ObjectNode)) {
        c = n.putObject(parts[i]);
      }
      n = (ObjectNode) c;
    }
    n.put(parts[parts.length - 1], value);
  }

  /** Removes volatile values before an item goes into the configuration. */
  public ObjectNode persistable(ObjectNode item) {
    ObjectNode copy = item.deepCopy();
    for (Leaf l : leaves()) {
      if (l.field().isVolatile()) {
        String[] parts = l.path().split("\\.");
        JsonNode n = copy;
        for (int i = 0; i < parts.length - 1 && n != null; i++) {
          n = n.get(parts[i]);
        }
        if (n instanceof ObjectNode o) {
          o.remove(parts[parts.length - 1]);
        }
      }
    }
    return copy;
  }
}
