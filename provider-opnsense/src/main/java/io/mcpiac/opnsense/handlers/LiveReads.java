package io.mcpiac.opnsense.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.SchemaDefaults;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.opnsense.resources.Endpoint;
import io.mcpiac.opnsense.resources.Lookups;
import io.mcpiac.opnsense.resources.Reader;
import io.mcpiac.opnsense.resources.ResourceMapping;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batched live read of one type: one search per collection, each requested object found among its
 * rows (or fetched alone where a search may hide it), in the shape the user wrote it.
 */
final class LiveReads {
  private LiveReads() {}

  static Map<String, LiveResource> read(
      ResourceMapping m, OpnsenseSession session, List<ReadRequest> requests) {
    Lookups lookups = session.lookups();
    Reader reader = session.reader();
    Map<Endpoint, List<Map<String, String>>> rows = new HashMap<>();
    Map<String, LiveResource> out = new LinkedHashMap<>();
    for (ReadRequest r : requests) {
      ObjectNode recorded = r.properties() == null ? Json.object() : r.properties();
      Endpoint ep = m.endpointFor(recorded);
      List<Map<String, String>> epRows = rows.computeIfAbsent(ep, reader::rows);
      Map<String, String> row = m.match(r.id(), recorded, epRows);
      if (row == null && reader.searchMayHide(ep) && r.id() != null) {
        row = reader.getOne(ep, r.id());
      }
      if (row == null) {
        continue;
      }
      String id = row.getOrDefault("uuid", r.id());
      ObjectNode live = shaped(m, m.toProperties(ep, row, lookups), recorded, row, lookups);
      out.put(
          r.name(), new LiveResource(r.name(), id, live, m.outputs(r.name(), id, row, recorded)));
    }
    return out;
  }

  /** The live properties in the shape the user wrote them, plus the native fields they set. */
  private static ObjectNode shaped(
      ResourceMapping m,
      ObjectNode live,
      ObjectNode recorded,
      Map<String, String> row,
      Lookups lookups) {
    for (String secret : m.type().secretProperties()) {
      live.remove(secret);
    }
    ObjectNode out = Json.object();
    // a property the file left out is compared with its default: shaped like the default
    Map<String, JsonNode> defaults = SchemaDefaults.of(m.type()).all();
    for (Iterator<Map.Entry<String, JsonNode>> it = live.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode rec = recorded.has(e.getKey()) ? recorded.get(e.getKey()) : defaults.get(e.getKey());
      JsonNode v =
          rec == null || Values.isSensitive(rec) || Values.containsUnknown(rec)
              ? e.getValue()
              : m.shape(e.getKey(), rec, e.getValue(), recorded, lookups);
      out.set(e.getKey(), v);
    }
    JsonNode nat = recorded.get(ResourceMapping.NATIVE);
    if (nat != null && nat.isObject()) {
      out.set(ResourceMapping.NATIVE, nativeFields(m, (ObjectNode) nat, row));
    }
    return out;
  }

  /** The native fields the user set, as the firewall holds them. */
  private static ObjectNode nativeFields(
      ResourceMapping m, ObjectNode nat, Map<String, String> row) {
    ObjectNode liveNative = Json.object();
    nat.fieldNames()
        .forEachRemaining(
            k -> {
              String v = row.get(k);
              if (m.type().secretProperties().contains(ResourceMapping.NATIVE + "." + k)) {
                // a secret is never read back (OPNsense hides some, and none may reach a
                // plan): what was recorded stands, like a top-level secret property
                liveNative.set(k, nat.get(k));
              } else if (v != null) {
                JsonNode recValue = nat.get(k);
                JsonNode liveValue =
                    recValue.isBoolean()
                        ? Json.MAPPER.getNodeFactory().booleanNode("1".equals(v))
                        : Props.like(recValue, Json.MAPPER.getNodeFactory().textNode(v));
                liveNative.set(k, liveValue);
              }
            });
    return liveNative;
  }
}
