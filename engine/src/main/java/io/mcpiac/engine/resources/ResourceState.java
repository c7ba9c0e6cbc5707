package io.mcpiac.engine.resources;

import java.util.Locale;

/** The seed's lifecycle states of a resource, plus {@code failed}. */
public enum ResourceState {
  PENDING,
  CREATING,
  CREATED,
  UPDATING,
  DELETING,
  DELETED,
  FAILED;

  /** The seed's lower-case spelling. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ResourceState fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
