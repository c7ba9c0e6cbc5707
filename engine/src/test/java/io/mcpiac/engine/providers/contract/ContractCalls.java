package io.mcpiac.engine.providers.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.SchemaDefaults;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The calls the engine makes through the {@link Provider} SPI, as the contract makes them: changes
 * built the way the executor builds them, reads the way the planner and recovery read, and the
 * planner's own rule for drift.
 */
final class ContractCalls {
  private final Provider provider;

  ContractCalls(Provider provider) {
    this.provider = provider;
  }

  ResourceType type(String name) {
    return provider
        .resourceType(name)
        .orElseThrow(() -> new AssertionError(provider.name() + " has no type " + name));
  }

  /** The properties as the engine hands them over: in the provider's canonical form. */
  ObjectNode canonical(ResourceType type, ObjectNode properties) {
    return provider.canonical(type, Json.copy(properties));
  }

  Change createChange(ResourceType type, String name, ObjectNode properties) {
    ObjectNode desired = canonical(type, properties);
    assertThat(provider.validate(type, name, desired))
        .as("the provider's own checks of the sample %s", desired)
        .isEmpty();
    return new Change(
        Change.Kind.CREATE,
        name,
        type,
        provider.newId(type, name, desired),
        null,
        desired,
        Json.object());
  }

  /** Creates and asserts success. */
  ContractObject create(ResourceType type, String name, ObjectNode properties) {
    Change change = createChange(type, name, properties);
    ChangeResult r = one(change);
    assertThat(r.error()).as("create %s %s", type.name(), name).isNull();
    return recorded(change, r);
  }

  static ContractObject recorded(Change change, ChangeResult r) {
    String id = r.id() != null ? r.id() : change.id();
    ObjectNode props = r.properties() != null ? r.properties() : change.desired();
    return new ContractObject(change.type(), change.name(), id, props, r.outputs());
  }

  ChangeResult update(ContractObject o, ObjectNode properties) {
    return one(
        new Change(
            Change.Kind.UPDATE,
            o.name(),
            o.type(),
            o.id(),
            o.properties(),
            canonical(o.type(), properties),
            o.outputs()));
  }

  ChangeResult delete(ContractObject o) {
    return one(deleteChange(o));
  }

  static Change deleteChange(ContractObject o) {
    return new Change(
        Change.Kind.DELETE, o.name(), o.type(), o.id(), o.properties(), null, o.outputs());
  }

  /** What a case does with an object it made. */
  interface ObjectCase {
    void run(ContractObject object) throws Exception;
  }

  /** Creates an object, runs {@code body} on it and deletes it, whatever happened. */
  void withObject(ResourceType type, String name, ObjectNode properties, ObjectCase body)
      throws Exception {
    ContractObject o = null;
    try {
      o = create(type, name, properties);
      body.run(o);
    } finally {
      deleteQuietly(o);
    }
  }

  /** The object read back is what {@code recorded} says, by the planner's rule. */
  static void assertNoDrift(
      ResourceType type, ObjectNode recorded, LiveResource live, String what) {
    assertThat(drift(type, recorded, live)).as(what).isEmpty();
  }

  /** Deletes what a case made, whatever happened in the case. */
  void deleteQuietly(ContractObject o) {
    if (o == null) {
      return;
    }
    try {
      provider.apply(List.of(deleteChange(o)));
    } catch (RuntimeException ignored) {
      // the case's own assertion already says what went wrong
    }
  }

  ChangeResult one(Change change) {
    List<ChangeResult> results = provider.apply(List.of(change));
    assertThat(results).as("one result per change").hasSize(1);
    assertThat(results.get(0).name()).isEqualTo(change.name());
    return results.get(0);
  }

  /** The batched read, for one object, as the planner makes it. */
  Optional<LiveResource> read(ContractObject o) {
    Map<String, LiveResource> live =
        provider.read(
            o.type(),
            List.of(
                new ReadRequest(
                    o.name(), o.id(), Json.copy(o.properties()), Json.copy(o.outputs()))));
    return Optional.ofNullable(live.get(o.name()));
  }

  LiveResource readExisting(ContractObject o) {
    return read(o)
        .orElseThrow(
            () ->
                new AssertionError(
                    o.type().name() + " " + o.name() + " (id " + o.id() + ") is not found"));
  }

  List<LiveResource> imported(ResourceType type, String id) {
    List<LiveResource> out = new ArrayList<>();
    for (LiveResource r : provider.importAll(type)) {
      if (id.equals(r.id())) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The planner's drift rule: every recorded property, and the schema default of every property the
   * record leaves out, against the live value where the provider reads one. Secrets are never read
   * back, so never compared.
   */
  static Map<String, String> drift(ResourceType type, ObjectNode recorded, LiveResource live) {
    Map<String, JsonNode> expected = new TreeMap<>(SchemaDefaults.of(type).all());
    recorded.fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue()));
    Map<String, String> out = new TreeMap<>();
    expected.forEach(
        (key, want) -> {
          JsonNode seen = live.properties() == null ? null : live.properties().get(key);
          if (seen != null
              && !type.secretProperties().contains(key)
              && !Json.sameValue(want, seen)) {
            out.put(key, Json.write(want) + " -> " + Json.write(seen));
          }
        });
    return out;
  }

  /** What a drift check on {@code property} compares with: the recorded value or the default. */
  static JsonNode expected(ResourceType type, ObjectNode recorded, String property) {
    return recorded.has(property)
        ? recorded.get(property)
        : SchemaDefaults.of(type).all().get(property);
  }
}
