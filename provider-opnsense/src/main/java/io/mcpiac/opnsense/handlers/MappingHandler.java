package io.mcpiac.opnsense.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Placement;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.TypeHandler;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.opnsense.client.FirewallVersion;
import io.mcpiac.opnsense.resources.Endpoint;
import io.mcpiac.opnsense.resources.PlanChecks;
import io.mcpiac.opnsense.resources.ResourceMapping;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kit's handler of one {@code opnsense:*} type, over its {@link ResourceMapping} (how the
 * type's properties map to the fields of an OPNsense collection). A write only changes config.xml;
 * the batch activates what it touched afterwards (see {@link io.mcpiac.opnsense.batches}), so a
 * write's result carries the id and no outputs yet.
 */
public final class MappingHandler implements TypeHandler<OpnsenseSession> {
  private final ResourceMapping mapping;
  private final FirewallFacts facts;

  public MappingHandler(ResourceMapping mapping, FirewallFacts facts) {
    this.mapping = mapping;
    this.facts = facts;
  }

  public ResourceMapping mapping() {
    return mapping;
  }

  @Override
  public ResourceType type() {
    return mapping.type();
  }

  /** The collection a change writes to: the prior object's for a delete. */
  public Endpoint endpoint(Change c) {
    return mapping.endpointFor(c.kind() == Change.Kind.DELETE ? c.prior() : c.desired());
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    String type = type().name();
    FirewallVersion v =
        mapping.validatesAgainstVersion() ? facts.versionIfReachable() : facts.knownVersion();
    Map<String, String> out = new LinkedHashMap<>(mapping.validate(properties, v));
    mapping.nativeOverrides(properties).forEach(out::putIfAbsent);
    // where the firewall answers, option values are checked against what it really offers
    if (facts.versionIfReachable() != null) {
      mapping
          .checkOptions(properties, facts.choices().of(mapping.endpointFor(properties)))
          .forEach(out::putIfAbsent);
    }
    PlanChecks.errors(
            type, name, properties, mapping.checksUsers() ? facts.usersIfReachable() : null)
        .forEach(out::putIfAbsent);
    return out;
  }

  @Override
  public List<String> warnings(String name, ObjectNode properties) {
    return PlanChecks.warnings(type().name(), properties);
  }

  @Override
  public Map<String, ObjectNode> arrange(List<Placement> resources) {
    return mapping.arrange(resources);
  }

  /** Names the firewall derives from the properties are known at plan time. */
  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    JsonNode priorUuid = prior == null ? null : prior.get("uuid");
    ObjectNode computed =
        mapping.outputs("", priorUuid == null ? null : priorUuid.asText(), null, desired);
    mapping
        .outputsFromProperties()
        .forEach(
            (key, property) -> {
              JsonNode v = computed.get(key);
              if (Values.containsUnknown(desired.get(property))) {
                out.remove(key); // the engine marks it known after apply
              } else if (v != null && desired.has(property)) {
                out.set(key, v);
              }
            });
    return out;
  }

  @Override
  public Map<String, LiveResource> read(OpnsenseSession session, List<ReadRequest> requests) {
    return LiveReads.read(mapping, session, requests);
  }

  @Override
  public List<LiveResource> importAll(OpnsenseSession session) {
    return Imports.all(mapping, session);
  }

  @Override
  public ChangeResult create(OpnsenseSession session, Change c) {
    String id = mapping.create(session.writer(), endpoint(c), c.id(), c.name(), clean(c.desired()));
    return ChangeResult.ok(c.name(), id, null);
  }

  @Override
  public ChangeResult update(OpnsenseSession session, Change c) {
    mapping.update(
        session.writer(), endpoint(c), c.id(), c.name(), clean(c.prior()), clean(c.desired()));
    return ChangeResult.ok(c.name(), c.id(), null);
  }

  @Override
  public ChangeResult delete(OpnsenseSession session, Change c) {
    mapping.delete(session.writer(), endpoint(c), c.id(), c.name(), clean(c.prior()));
    return ChangeResult.ok(c.name(), c.id(), null);
  }

  /** Properties without the stand-ins of secrets and unknown values (never sent to a firewall). */
  static ObjectNode clean(ObjectNode props) {
    if (props == null) {
      return null;
    }
    ObjectNode out = props.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = out.fields(); it.hasNext(); ) {
      JsonNode v = it.next().getValue();
      if (Values.isSensitive(v) || Values.containsUnknown(v)) {
        it.remove();
      }
    }
    return out;
  }
}
