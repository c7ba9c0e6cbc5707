package io.mcpiac.engine.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;

/**
 * The outcome of one {@link Change}.
 *
 * @param id the object's id after the change
 * @param properties the properties as applied (may normalise what was asked); null: as asked
 * @param outputs the object's outputs after the change
 * @param undo how to undo this change, when the provider knows better than the engine's default
 *     (delete what was created, restore prior properties, re-create what was deleted with its old
 *     id); null for the default. A provider that undoes in its own way (a remote server rolled back
 *     to a snapshot) puts its token on this change ({@link Change#withUndoToken}); the engine hands
 *     the change back to the same provider, which knows it by {@link Change#undoToken}
 * @param error the failure, in words a user can act on; null on success
 * @param notActivated on success: why the change is written but its activation scope could not be
 *     activated for reasons the change did not cause (the system's configuration was already
 *     broken); the scope then stays {@code activate} drift until an activation of it succeeds. Null
 *     when activated (or nothing to activate)
 */
public record ChangeResult(
    String name,
    String id,
    ObjectNode properties,
    ObjectNode outputs,
    Change undo,
    String error,
    String notActivated) {

  public ChangeResult(
      String name,
      String id,
      ObjectNode properties,
      ObjectNode outputs,
      Change undo,
      String error) {
    this(name, id, properties, outputs, undo, error, null);
  }

  /** This successful result, written but not activated, for {@code why}. */
  public ChangeResult notActivated(String why) {
    return new ChangeResult(name, id, properties, outputs, undo, error, why);
  }

  public boolean success() {
    return error == null;
  }

  /** The provider's own undo token for this change, or null (see {@link Change#undoToken}). */
  public String undoToken() {
    return undo == null ? null : undo.undoToken();
  }

  public static ChangeResult ok(String name, String id, ObjectNode outputs) {
    return new ChangeResult(name, id, null, outputs == null ? Json.object() : outputs, null, null);
  }

  public static ChangeResult failed(String name, String error) {
    return new ChangeResult(name, null, null, Json.object(), null, error);
  }
}
