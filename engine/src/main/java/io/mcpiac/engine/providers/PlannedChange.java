package io.mcpiac.engine.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One planned action as a provider's {@link Provider#preflight} sees it: what will happen to which
 * resource, before anything is applied. Values may still be unknown.
 *
 * @param type the resource type
 * @param id the existing object's id (null for a create)
 * @param properties the desired properties, resolved as far as known at plan time (null when the
 *     plan has none)
 * @param prior the recorded properties (null for a create)
 */
public record PlannedChange(
    String name, String type, Kind kind, String id, ObjectNode properties, ObjectNode prior) {

  /** What the plan does to the object. */
  public enum Kind {
    CREATE,
    UPDATE,
    REPLACE,
    DELETE,
    NO_OP
  }

  public boolean changesSomething() {
    return kind != Kind.NO_OP;
  }
}
