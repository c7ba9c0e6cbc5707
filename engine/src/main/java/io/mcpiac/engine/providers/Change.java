package io.mcpiac.engine.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.resources.ResourceType;

/**
 * One change handed to a provider. References are resolved; no value is unknown any more.
 *
 * @param id the object's id: for a create, the id the provider chose in {@link Provider#newId}
 *     (journalled before the call) or, when re-creating a deleted object, its old id
 * @param prior the recorded properties before the change (null for a create)
 * @param desired the properties after the change (null for a delete)
 * @param priorOutputs the recorded outputs before the change (empty for a create)
 * @param undoToken null for every change the engine plans; set only on an undo the provider itself
 *     returned in {@link ChangeResult#undo}: the provider's own note of how to undo (for a remote
 *     server, the snapshot to roll back to). The engine carries it back untouched and never reads
 *     it.
 */
public record Change(
    Kind kind,
    String name,
    ResourceType type,
    String id,
    ObjectNode prior,
    ObjectNode desired,
    ObjectNode priorOutputs,
    String undoToken) {

  /** A change as the engine plans it: no undo token. */
  public Change(
      Kind kind,
      String name,
      ResourceType type,
      String id,
      ObjectNode prior,
      ObjectNode desired,
      ObjectNode priorOutputs) {
    this(kind, name, type, id, prior, desired, priorOutputs, null);
  }

  /** What the change does to the real object. */
  public enum Kind {
    CREATE,
    UPDATE,
    DELETE
  }

  /** The same change carrying the provider's undo token (see {@link #undoToken}). */
  public Change withUndoToken(String token) {
    return new Change(kind, name, type, id, prior, desired, priorOutputs, token);
  }

  /** Whether this is an undo the provider described itself, with its own token. */
  public boolean isProviderUndo() {
    return undoToken != null;
  }
}
