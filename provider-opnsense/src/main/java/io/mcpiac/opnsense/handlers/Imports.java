package io.mcpiac.opnsense.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.opnsense.client.OpnsenseApiException;
import io.mcpiac.opnsense.resources.Endpoint;
import io.mcpiac.opnsense.resources.ResourceMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Adopts every manageable object of one type: properties that hold their default are left out,
 * secrets are never read, and each object gets a unique valid resource name.
 */
final class Imports {
  private Imports() {}

  static List<LiveResource> all(ResourceMapping m, OpnsenseSession session) {
    List<LiveResource> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Endpoint ep : m.endpoints()) {
      List<Map<String, String>> rows;
      try {
        rows = session.reader().rows(ep);
      } catch (OpnsenseApiException e) {
        if (e.status() == 404 || e.status() == 400) {
          continue; // this firewall has no such collection (version, plugin)
        }
        throw e;
      }
      for (Map<String, String> row : rows) {
        if (!m.isManageable(row)) {
          continue;
        }
        ObjectNode props = written(m, m.toProperties(ep, row, session.lookups()));
        String base = resourceName(m.importName(row));
        String name = base;
        for (int i = 2; !names.add(name); i++) {
          name = base + "-" + i;
        }
        String id = row.get("uuid");
        out.add(new LiveResource(name, id, props, m.outputs(name, id, row, props)));
      }
    }
    return out;
  }

  /** What a user would have written: no secrets, no empty values, no defaults. */
  private static ObjectNode written(ResourceMapping m, ObjectNode all) {
    for (String secret : m.type().secretProperties()) {
      all.remove(secret);
    }
    ObjectNode props = Json.object();
    all.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              boolean empty = v.isTextual() && v.asText().isEmpty() || v.isArray() && v.isEmpty();
              if (!empty && !m.isDefault(e.getKey(), v)) {
                props.set(e.getKey(), v);
              }
            });
    return props;
  }

  /** A valid resource name: letters, digits, - and _, starting with a letter or digit. */
  static String resourceName(String raw) {
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    s = s.replaceAll("^[^a-z0-9]+", "").replaceAll("-+$", "");
    return s.isEmpty() ? "object" : s.length() > 60 ? s.substring(0, 60) : s;
  }
}
