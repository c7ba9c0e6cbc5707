package io.mcpiac.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.resources.ResourceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        recordJson(record),
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
        recordJson(record),
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
    if (record == null) {
      throw new IllegalStateException("unreadable journal record: " + record);
    }
    List<String> dependencies = new ArrayList<>();
    record.path("dependencies").forEach(d -> dependencies.add(d.asText()));
    JsonNode state = record.path("state");
    return new ResourceRecord(
        Json.textOrNull(record, "name"),
        Json.textOrNull(record, "type"),
        Json.textOrNull(record, "provider"),
        Json.textOrNull(record, "id"),
        copyOrNull(record, "properties"),
        copyOrNull(record, "outputs"),
        dependencies,
        state.isTextual() ? ResourceState.valueOf(state.asText()) : null);
  }

  /**
   * A record as the journal keeps it: the record's components by name, its state by the enum's
   * name, as Jackson's record mapping wrote it before (and older journals hold). Spelled out: the
   * mapping's first use costs a start-up tens of milliseconds, and the format stays fixed.
   */
  static ObjectNode recordJson(ResourceRecord r) {
    ObjectNode node = Json.object();
    node.put("name", r.name());
    node.put("type", r.type());
    node.put("provider", r.provider());
    node.put("id", r.id());
    node.set("properties", r.properties() == null ? null : r.properties().deepCopy());
    node.set("outputs", r.outputs() == null ? null : r.outputs().deepCopy());
    r.dependencies().forEach(node.putArray("dependencies")::add);
    node.put("state", r.state() == null ? null : r.state().name());
    return node;
  }

  private static ObjectNode copyOrNull(ObjectNode node, String field) {
    ObjectNode value = Json.objectOrNull(node, field);
    return value == null ? null : value.deepCopy();
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
