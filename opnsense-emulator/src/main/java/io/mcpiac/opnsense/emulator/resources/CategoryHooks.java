package io.mcpiac.opnsense.emulator.resources;

import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ItemModel;

/** Categories: port forwards refer to them by name, so a rename is written through. */
class CategoryHooks implements ResourceHooks {
  @Override
  public void afterStore(ItemEdit e) {
    if (e.before() != null) {
      String old = ItemModel.value(e.before(), "name");
      if (!old.equals(e.value("name"))) {
        Items.renameInList(e.config(), Collections.DNAT, old, e.value("name"), "category");
      }
    }
  }
}
