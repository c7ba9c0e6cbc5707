package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.config.Config;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code $internalModelUseSafeDelete}: the uuid is searched in the whole configuration; when any
 * other item refers to it the delete is refused with HTTP 500, listing the referrers as {@code
 * <model root tag> - <description|descr|name> {<Root>.<path>.<uuid>}}.
 */
public final class SafeDelete {
  private SafeDelete() {}

  public static void check(
      ResourceDef res, String uuid, ObjectNode item, Config config, VersionProfile version) {
    StringBuilder refs = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> cols =
        ((ObjectNode) config.json().get("collections")).properties().iterator();
    while (cols.hasNext()) {
      Map.Entry<String, JsonNode> col = cols.next();
      String collectionId = col.getKey();
      Iterator<Map.Entry<String, JsonNode>> items = col.getValue().properties().iterator();
      while (items.hasNext()) {
        Map.Entry<String, JsonNode> other = items.next();
        if (other.getKey().equals(uuid) || !references(other.getValue(), uuid)) {
          continue;
        }
        refs.append(line(collectionId, other.getKey(), other.getValue()));
      }
    }
    if (refs.length() > 0) {
      throw new UserException(
          refs.toString(),
          // delBase names the item since 26.1.3 (source: not only 26.7 as the contract says)
          io.mcpiac.opnsense.emulator.messages.Message.IN_USE_ITEM_TITLE.existsIn(version)
              ? io.mcpiac.opnsense.emulator.messages.Message.IN_USE_ITEM_TITLE.text(
                  res.modelPath(), label(item, uuid))
              : io.mcpiac.opnsense.emulator.messages.Message.IN_USE_TITLE.text());
    }
  }

  /** One referrer: {@code <model root tag> - <description|descr|name> {<Root>.<path>.<uuid>}}. */
  public static String line(String collectionId, String id, JsonNode referrer) {
    String modelName = collectionId.substring(0, collectionId.indexOf(':'));
    String root = modelName.substring(modelName.lastIndexOf('.') + 1);
    String path = collectionId.substring(collectionId.indexOf(':') + 1);
    return io.mcpiac.opnsense.emulator.messages.Message.IN_USE_LINE.text(
            root, label(referrer, ""), root + "." + path + "." + id)
        + "\n";
  }

  /** description, else descr, else name, else the fallback. */
  public static String label(JsonNode item, String fallback) {
    for (String k : new String[] {"description", "descr", "name"}) {
      String v = item.path(k).asText("");
      if (!v.isEmpty()) {
        return v;
      }
    }
    return fallback;
  }

  private static boolean references(JsonNode node, String uuid) {
    if (node.isObject()) {
      Iterator<JsonNode> it = node.elements();
      while (it.hasNext()) {
        if (references(it.next(), uuid)) {
          return true;
        }
      }
      return false;
    }
    return node.asText("").contains(uuid);
  }
}
