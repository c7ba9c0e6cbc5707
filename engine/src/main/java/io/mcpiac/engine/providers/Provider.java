package io.mcpiac.engine.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The provider SPI: one instance talks to one system (one firewall, one Docker engine). The engine
 * calls it from several threads, but never with two batches touching the same resource.
 */
public interface Provider extends AutoCloseable {

  /** The type prefix this provider serves: {@code core}, {@code opnsense}. */
  String name();

  List<ResourceType> resourceTypes();

  default Optional<ResourceType> resourceType(String type) {
    return resourceTypes().stream().filter(t -> t.name().equals(type)).findFirst();
  }

  /**
   * The one canonical form of a resource's properties (short forms expanded, alias names renamed),
   * taken after references are resolved and before anything is planned, applied or recorded, so two
   * ways of writing the same thing are the same plan. Values may be unknown until apply.
   */
  default ObjectNode canonical(ResourceType type, ObjectNode properties) {
    return properties;
  }

  /**
   * Checks beyond the JSON Schema (cross-field rules, version support). Property values may be
   * {@link io.mcpiac.engine.resources.Values#UNKNOWN}. Returns messages keyed by property name
   * ({@code ""} for the resource as a whole); empty when valid. Must not change anything.
   */
  default Map<String, String> validate(ResourceType type, String name, ObjectNode properties) {
    return Map.of();
  }

  /**
   * What the system would accept but would leave a service broken (e.g. a DNS record whose address
   * is of the other family). Shown as plan warnings; they stop nothing. Property values are
   * resolved as far as known at plan time and may be {@link
   * io.mcpiac.engine.resources.Values#UNKNOWN}. Must not change anything.
   */
  default List<String> warnings(ResourceType type, String name, ObjectNode properties) {
    return List.of();
  }

  /**
   * Batched live read of one type: one call, however many resources. Returns the objects that
   * exist, keyed by resource name; a requested resource that is absent from the answer no longer
   * exists.
   */
  Map<String, LiveResource> read(ResourceType type, List<ReadRequest> resources);

  /**
   * Which of the type's secret properties no longer hold their configured value on the live object:
   * a secret changed behind the tool's back (a password set by hand). The planner cannot see this
   * itself, as state keeps only a digest and a system never gives a secret back; a system that
   * keeps a verifier of the secret (a salted hash) lets the provider check the configured value
   * against it. Called at plan time for objects that exist, with the configured values in clear
   * (only the secret properties whose value is known); answers property names, never values. Must
   * not change anything. Empty (the default) when the provider cannot tell.
   */
  default java.util.Set<String> changedSecrets(
      ResourceType type, LiveResource live, ObjectNode configured) {
    return java.util.Set.of();
  }

  /**
   * Adopts what exists: every object of the type, named by the provider. Providers that cannot
   * enumerate throw {@link UnsupportedOperationException}.
   */
  default List<LiveResource> importAll(ResourceType type) {
    throw new UnsupportedOperationException(name() + " cannot import " + type.name());
  }

  /**
   * The id a create will use, chosen before the call so it is journalled first: a create whose
   * answer is lost is then found again by its id instead of being duplicated.
   */
  default String newId(ResourceType type, String name) {
    return UUID.randomUUID().toString();
  }

  /**
   * As {@link #newId(ResourceType, String)}, knowing the properties the object is created with
   * ({@code desired}, secrets in clear: never put them in an id). Systems whose objects are known
   * by a natural key (a database's name, an account's user and host) answer that key, so a create
   * whose answer is lost is found again by it. The engine calls this one.
   */
  default String newId(ResourceType type, String name, ObjectNode desired) {
    return newId(type, name);
  }

  /**
   * The outputs that are already known at plan time for the desired properties (all of them unknown
   * by default for a create, the prior ones for an update).
   */
  default ObjectNode plannedOutputs(ResourceType type, ObjectNode desired, ObjectNode prior) {
    return prior == null ? Json.object() : prior.deepCopy();
  }

  /**
   * Applies a batch of changes, committing once for the batch where the system allows it. One
   * result per change, in the same order. A failed change is a failed result, not an exception; an
   * exception means the batch as a whole failed and no change of it is known to be done.
   */
  List<ChangeResult> apply(List<Change> batch);

  /**
   * As {@link #apply(List)}, for a provider that must restate objects the batch does not change:
   * {@code kept} gives the secrets of the run's untouched resources (see {@link KeptSecrets}). The
   * engine calls this one for a run's batches; by default it is {@link #apply(List)}.
   */
  default List<ChangeResult> apply(List<Change> batch, KeptSecrets kept) {
    return apply(batch);
  }

  /**
   * Systems whose writes only take effect after a separate activation step (a service reload, a
   * firewall's apply, a transaction's commit) name the scopes a batch will activate, so the engine
   * journals the activation as part of the batch: intent before the call, result after. After a
   * crash, recovery activates every scope whose result is missing, before anything else. Scope
   * names are the provider's own; empty (the default) when writes take effect at once. Must not
   * change anything.
   */
  default List<String> activationScopes(List<Change> batch) {
    return List.of();
  }

  /**
   * Activates {@code scopes} again: what is written becomes what runs. Called by recovery and for
   * the plan's {@code activate} drift; must be safe to repeat.
   *
   * @throws ProviderException when a scope could not be activated (the message names it)
   */
  default void activate(List<String> scopes) {}

  /**
   * Looks at every action of a plan that this instance owns before anything is applied, and names
   * the risks that must stop it unless the user accepts them (see {@link Risk}). Values may still
   * be unknown. Must not change anything.
   */
  default List<Risk> preflight(List<PlannedChange> actions) {
    return List.of();
  }

  /**
   * Properties that follow from a resource's place among the deployment's resources of one type,
   * where the system cares about order (OPNsense evaluates firewall rules by sequence). Called at
   * plan time with every configured resource of {@code type} for this instance, in the order of the
   * file; returns, by resource name, properties to add where the file does not set them. They are
   * planned, shown and recorded like written ones. Must not change anything.
   */
  default java.util.Map<String, ObjectNode> arrange(ResourceType type, List<Placement> resources) {
    return java.util.Map.of();
  }

  /**
   * Dependencies the system implies between this instance's resources, which the file need not
   * write with a reference or {@code dependsOn}: they become edges of the plan's graph (so the
   * apply orders them, and a destroy or prune reverses them) and their notes are shown in the plan.
   * Called at plan time with every configured resource of this instance, by type, in the order of
   * the file (references not resolved yet). Must not change anything, and must not call the system.
   */
  default List<ImpliedDependency> impliedDependencies(
      Map<String, List<Placement>> resourcesByType) {
    return List.of();
  }

  /**
   * Checks that this instance is configured and its system answers and accepts the credentials,
   * with one cheap call. Throws {@link ProviderException} whose message says what to fix (the
   * variable or setting). A plan calls it for every instance it plans for, even on empty state, so
   * a wrong address or secret shows before "N to add", not at apply.
   */
  default void probe() {}

  /** Where this instance points (a URL, a socket), for messages; null when it has no address. */
  default String endpoint() {
    return null;
  }

  /**
   * Entry points limited to this provider's types that front ends offer next to their standard ones
   * (see {@link ScopedEntryPoints}). They are offered when an instance named after the provider
   * itself ({@code opnsense}, not {@code opnsense/branch}) is registered. None by default.
   */
  default List<ScopedEntryPoints> scopedEntryPoints() {
    return List.of();
  }

  /** How many of this instance's batches may be in flight at once. */
  default int maxParallelism() {
    return Integer.MAX_VALUE;
  }

  /** The largest batch this instance accepts. */
  default int maxBatchSize() {
    return 50;
  }

  /**
   * Whether a change of this object may share a call with others (up to {@link #maxBatchSize}).
   * False for one that takes time of its own, so that it runs beside the others, in parallel,
   * rather than one after another inside a batch.
   *
   * @param properties the desired properties (for a delete: the recorded ones), references maybe
   *     not yet resolved
   */
  default boolean batchable(ResourceType type, ObjectNode properties) {
    return true;
  }

  @Override
  default void close() {}
}
