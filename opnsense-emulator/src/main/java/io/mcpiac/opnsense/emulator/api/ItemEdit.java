package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import io.mcpiac.opnsense.emulator.model.ModelContext;

/**
 * An item being added or changed: the working copy (volatile inputs included), whether it is new,
 * and where it lives — what model hooks see while validating and storing.
 */
public record ItemEdit(
    String uuid,
    ObjectNode item,
    ObjectNode before,
    boolean isNew,
    ModelContext ctx,
    ApiCall call,
    ObjectNode answer) {

  public ItemEdit(
      String uuid,
      ObjectNode item,
      ObjectNode before,
      boolean isNew,
      ModelContext ctx,
      ApiCall call) {
    this(
        uuid,
        item,
        before,
        isNew,
        ctx,
        call,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
  }

  public String value(String path) {
    return ItemModel.value(item, path);
  }

  public void put(String path, String value) {
    ItemModel.put(item, path, value);
  }

  public Config config() {
    return ctx.config();
  }

  /** Whether the request changed a field compared to the stored item. */
  public boolean changed(String path) {
    return before == null || !ItemModel.value(before, path).equals(value(path));
  }
}
