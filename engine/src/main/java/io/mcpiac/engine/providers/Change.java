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
 */
public record Change(
    Kind kind,
    String name,
    ResourceType type,
    String id,
    ObjectNode prior,
    ObjectNode desired,
    ObjectNode priorOutputs) {

  /** What a change does to the real object. */
  public enum Kind {
    CREATE,
    UPDATE,
    DELETE
  }
}
