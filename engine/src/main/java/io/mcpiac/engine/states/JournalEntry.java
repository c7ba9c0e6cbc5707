package io.mcpiac.engine.states;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import java.time.Instant;
import java.util.Arrays;

/**
 * One journalled call to a provider: written as an intent before the call and finished after it, so
 * that after a crash the unfinished ones are found and reconciled with a live read.
 *
 * <p>Entries are made by the factories ({@link #intent(String, long, Phase, Change,
 * ResourceRecord)}, {@link #intent(String, long, Phase, Change.Kind, ResourceRecord)}, {@link
 * #activation}); the canonical constructor is for state stores reading rows back.
 *
 * @param id assigned by the store (0 before it is written)
 * @param phase what the call was part of; an {@link Phase#ACTIVATE} entry is the activation of one
 *     scope of a provider instance (see {@code Provider.activationScopes}): it names the scope as
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
    Phase phase,
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

  /**
   * The intent of {@code change}, made on the object {@code change.id()}; {@code record} is the
   * resource as it will be recorded if the change succeeds (for a delete: as it was) and names the
   * provider instance.
   */
  public static JournalEntry intent(
      String deployment, long version, Phase phase, Change change, ResourceRecord record) {
    return new JournalEntry(
        0,
        deployment,
        version,
        phase,
        change.kind(),
        change.name(),
        change.type().name(),
        record.provider(),
        change.id(),
        Json.MAPPER.valueToTree(record),
        Status.INTENT,
        null,
        Instant.now(),
        null);
  }

  /** The intent of writing {@code record} to state as it is, without a call to its provider. */
  public static JournalEntry intent(
      String deployment, long version, Phase phase, Change.Kind kind, ResourceRecord record) {
    return new JournalEntry(
        0,
        deployment,
        version,
        phase,
        kind,
        record.name(),
        record.type(),
        record.provider(),
        record.id(),
        Json.MAPPER.valueToTree(record),
        Status.INTENT,
        null,
        Instant.now(),
        null);
  }

  /** The intent of activating {@code scope} of provider instance {@code instance}. */
  public static JournalEntry activation(
      String deployment, long version, String instance, String scope) {
    return new JournalEntry(
        0,
        deployment,
        version,
        Phase.ACTIVATE,
        Change.Kind.UPDATE,
        scope,
        null,
        instance,
        scope,
        Json.object().put("scope", scope),
        Status.INTENT,
        null,
        Instant.now(),
        null);
  }

  /** This intent as a store wrote it: with its id and start time. */
  public JournalEntry written(long id, Instant startedAt) {
    return new JournalEntry(
        id,
        deployment,
        version,
        phase,
        kind,
        resource,
        type,
        provider,
        resourceId,
        record,
        Status.INTENT,
        null,
        startedAt,
        null);
  }

  /** The journalled resource record (not for activation entries). */
  public ResourceRecord recorded() {
    try {
      return Json.MAPPER.treeToValue(record, ResourceRecord.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable journal record: " + e.getOriginalMessage(), e);
    }
  }

  /** Whether this entry is the activation of a scope rather than a change to one object. */
  public boolean isActivation() {
    return phase == Phase.ACTIVATE;
  }

  /**
   * What a journalled call was part of. The text is what state databases store: it never changes,
   * so older databases read the same.
   */
  public enum Phase {
    /** A change of an apply. */
    APPLY("apply"),
    /** A compensation of a rollback. */
    UNDO("undo"),
    /** The activation of a scope (see {@code Provider.activate}). */
    ACTIVATE("activate"),
    /** What a refresh records of a live read. */
    REFRESH("refresh"),
    /** An object adopted by an import. */
    IMPORT("import");

    private final String text;

    Phase(String text) {
      this.text = text;
    }

    /** The stored text. */
    public String text() {
      return text;
    }

    /** The phase stored as {@code text}. */
    public static Phase of(String text) {
      return Arrays.stream(values())
          .filter(p -> p.text.equals(text))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("unknown journal phase '" + text + "'"));
    }
  }

  /** Where a journalled call stands. */
  public enum Status {
    INTENT,
    DONE,
    FAILED,
    RECONCILED
  }
}
