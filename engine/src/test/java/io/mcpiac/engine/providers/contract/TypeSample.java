package io.mcpiac.engine.providers.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a provider's fixture says about one resource type for the {@link ProviderContract}: the
 * properties of a create, of an in-place update and of a replacing change, properties the system
 * refuses, and for each modelled property how to change it behind the provider's back.
 *
 * @param type the full type name ({@code docker:network})
 * @param name the resource name the contract's objects are named after
 * @param create properties of a create, as a file would write them
 * @param update {@code create} after an in-place update (no property that forces replacement); null
 *     when every change of the type replaces the object
 * @param replace a change of {@code create} that forces replacement; null when none exists
 * @param invalid properties the system refuses at apply time (not the schema: they must pass it);
 *     null when this type takes no part in the failed-batch case
 * @param drift per top-level property, how to change it on the system
 * @param gaps per top-level property whose change the provider is known not to see: why
 * @param notModelled per top-level schema property that is not a property of its own (an alias the
 *     provider's canonical form renames away, a write-only value): why no drift check applies
 */
public record TypeSample(
    String type,
    String name,
    ObjectNode create,
    ObjectNode update,
    ObjectNode replace,
    ObjectNode invalid,
    Map<String, Tamper> drift,
    Map<String, Gap> gaps,
    Map<String, String> notModelled) {

  public TypeSample {
    // in the order the fixture lists them, so test names and reports follow the fixture
    drift = Collections.unmodifiableMap(new LinkedHashMap<>(drift));
    gaps = Collections.unmodifiableMap(new LinkedHashMap<>(gaps));
    notModelled = Collections.unmodifiableMap(new LinkedHashMap<>(notModelled));
  }

  /** A known defect: the provider does not see a change of this property on the system. */
  public record Gap(String reason, Tamper tamper) {}

  public static TypeSample of(String type, String name, String createJson) {
    return new TypeSample(
        type, name, Json.parseObject(createJson), null, null, null, Map.of(), Map.of(), Map.of());
  }

  /** An in-place update: the properties that change, over {@code create}. */
  public TypeSample update(String changesJson) {
    ObjectNode updated = create.deepCopy();
    updated.setAll(Json.parseObject(changesJson));
    return new TypeSample(type, name, create, updated, replace, invalid, drift, gaps, notModelled);
  }

  /** A replacing change: every property of the successor (a new kind may take other ones). */
  public TypeSample replace(String json) {
    return new TypeSample(
        type, name, create, update, Json.parseObject(json), invalid, drift, gaps, notModelled);
  }

  public TypeSample invalid(String json) {
    return new TypeSample(
        type, name, create, update, replace, Json.parseObject(json), drift, gaps, notModelled);
  }

  public TypeSample drift(String property, Tamper tamper) {
    Map<String, Tamper> d = new LinkedHashMap<>(drift);
    d.put(property, tamper);
    return new TypeSample(type, name, create, update, replace, invalid, d, gaps, notModelled);
  }

  public TypeSample gap(String property, String reason, Tamper tamper) {
    Map<String, Gap> g = new LinkedHashMap<>(gaps);
    g.put(property, new Gap(reason, tamper));
    return new TypeSample(type, name, create, update, replace, invalid, drift, g, notModelled);
  }

  public TypeSample notModelled(String property, String reason) {
    Map<String, String> n = new LinkedHashMap<>(notModelled);
    n.put(property, reason);
    return new TypeSample(type, name, create, update, replace, invalid, drift, gaps, n);
  }

  @Override
  public String toString() {
    return type;
  }
}
