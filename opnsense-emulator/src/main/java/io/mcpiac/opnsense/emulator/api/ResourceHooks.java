package io.mcpiac.opnsense.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.util.List;

/**
 * What a model or controller adds to the generic CRUD behaviour: cross-field validation ({@code
 * performValidation}), controller overlays, in-use checks, computed (volatile) values and search
 * extras. Every method has a do-nothing default.
 */
public interface ResourceHooks {
  /** Controller-forced values after the body was applied (e.g. VLAN {@code vlanif}). */
  default void afterInput(ItemEdit edit) {}

  /** Cross-field validation; messages keyed by field path relative to the item. */
  default void validate(ItemEdit edit, FieldMessages messages) {}

  /** Last changes before the item is stored; may throw {@link UserException}. */
  default void beforeStore(ItemEdit edit) {}

  /** After the item was stored in the working configuration (write-through to other lists). */
  default void afterStore(ItemEdit edit) {}

  /** Refuses a delete by throwing {@link UserException}. */
  default void beforeDelete(String uuid, ObjectNode item, ModelContext ctx) {}

  /** Clean-up in other lists after a delete. */
  default void afterDelete(String uuid, ObjectNode item, ModelContext ctx) {}

  /** Fills volatile, computed values before get/search render the item. */
  default void decorate(String uuid, ObjectNode item, ModelContext ctx) {}

  /** Adjusts the rendered get answer of one item. */
  default void adjustGet(ObjectNode rendered, ObjectNode item, ModelContext ctx) {}

  /** Adjusts one search row (VLAN device names with their assignment). */
  default void adjustRow(ObjectNode row, ObjectNode item, ModelContext ctx) {}

  /** Controller-specific search filters (alias {@code type[]}, rule {@code interface}, …). */
  default boolean includeInSearch(ApiCall call, String uuid, ObjectNode item, ModelContext ctx) {
    return true;
  }

  /** Rows that are not config items but are searched and counted (built-in aliases). */
  default List<ObjectNode> extraRows(ApiCall call, ModelContext ctx) {
    return List.of();
  }

  /** Rows put in front of every page and not counted (anti-lockout pseudo rules). */
  default List<ObjectNode> leadingRows(ApiCall call, ModelContext ctx) {
    return List.of();
  }

  /** Validation messages keyed by field path relative to the item. */
  interface FieldMessages {
    /**
     * Adds a message; one the imitated release's source does not have is dropped, with the check
     * that made it.
     */
    void add(
        String fieldPath, io.mcpiac.opnsense.emulator.messages.Message message, Object... args);

    boolean has(String fieldPath);
  }
}
