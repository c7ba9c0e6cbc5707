package io.mcpiac.engine.providers.kit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Placement;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * Everything a provider knows about one resource type, in one place: a provider built on the kit is
 * a {@link KitProvider} and one handler per type. {@link HandlerSet} finds the handler of a type
 * and turns whatever a handler throws into the provider's answer, so a handler throws freely.
 *
 * @param <S> the provider's session: what one read or one batch works with (a connection, a writer
 *     with its lookups); {@link KitProvider#session()} opens it
 */
public interface TypeHandler<S> {

  /**
   * The type: its name, its JSON Schema (with the {@code default} of every property a file may
   * leave out, so a change made behind the tool's back to such a property is drift), which
   * properties force replacement, which are secret, and its outputs.
   */
  ResourceType type();

  // ---- plan time: none of these changes anything; property values may be Values.UNKNOWN ----

  /** The one canonical form of the properties (short forms expanded, alias names renamed). */
  default ObjectNode canonical(ObjectNode properties) {
    return properties;
  }

  /** Checks beyond the schema: messages keyed by property ({@code ""}: the whole resource). */
  default Map<String, String> validate(String name, ObjectNode properties) {
    return Map.of();
  }

  /** What the system would accept but would leave a service broken; shown, stops nothing. */
  default List<String> warnings(String name, ObjectNode properties) {
    return List.of();
  }

  /** Properties that follow from a resource's place among the type's resources (see Provider). */
  default Map<String, ObjectNode> arrange(List<Placement> resources) {
    return Map.of();
  }

  /** The outputs already known at plan time (unknown ones are filled in by the engine). */
  default ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    return prior == null ? Json.object() : prior.deepCopy();
  }

  // ---- the live system ----

  /** One batched read: the objects that exist, by resource name; absent ones are gone. */
  Map<String, LiveResource> read(S session, List<ReadRequest> requests);

  /** Every object of the type that may be adopted, named by the handler. */
  default List<LiveResource> importAll(S session) {
    throw new UnsupportedOperationException("cannot import " + type().name());
  }

  /** See {@link io.mcpiac.engine.providers.Provider#changedSecrets}. */
  default java.util.Set<String> changedSecrets(LiveResource live, ObjectNode configured) {
    return java.util.Set.of();
  }

  // ---- writes, each one change of a batch that shares {@code session} ----

  /** Creates the object with the id the provider chose beforehand ({@code change.id()}). */
  ChangeResult create(S session, Change change);

  ChangeResult update(S session, Change change);

  /** Deletes the object; one that is already gone is not an error. */
  ChangeResult delete(S session, Change change);
}
