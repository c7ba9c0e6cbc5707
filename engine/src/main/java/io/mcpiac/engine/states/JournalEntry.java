package io.mcpiac.engine.states;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.Change;
import java.time.Instant;

/**
 * One journalled call to a provider: written as an intent before the call and finished after it, so
 * that after a crash the unfinished ones are found and reconciled with a live read.
 *
 * @param id assigned by the store (0 before it is written)
 * @param phase {@code apply}, {@code undo}, or {@code activate}: the activation of one scope of a
 *     provider instance (see {@code Provider.activationScopes}); such an entry names the scope as
 *     its resource and resource id, has no type, and its kind is {@code UPDATE} (what runs is
 *     updated to what is written)
 * @param resourceId the object's id, known before the call (see {@code Provider.newId})
 * @param record the resource as it will be recorded if the change succeeds (for a delete: as it
 *     was); secrets redacted
 */
public record JournalEntry(
    long id,
    String deployment,
    long version,
    String phase,
    Change.Kind kind,
    String resource,
    String type,
    String provider,
    String resourceId,
    ObjectNode record,
    Status status,
    String error,
    Instant startedAt,
    Instant finishedAt) {

  /** The phase of an activation entry. */
  public static final String ACTIVATE = "activate";

  /** Whether this entry is the activation of a scope rather than a change to one object. */
  public boolean isActivation() {
    return ACTIVATE.equals(phase);
  }

  /** Where a journalled call stands. */
  public enum Status {
    INTENT,
    DONE,
    FAILED,
    RECONCILED
  }
}
