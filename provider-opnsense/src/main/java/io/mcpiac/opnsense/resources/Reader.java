package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.opnsense.client.FieldDecoder;
import io.mcpiac.opnsense.client.FirewallVersion;
import io.mcpiac.opnsense.client.OpnsenseApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads collections the way each firewall version allows: one paged search per collection, except
 * firewall rules on OPNsense before 26.7, whose search lists only floating rules unless asked per
 * interface (contract 2.1): there it is one search for the floating rules plus one per interface.
 */
public final class Reader {
  private final Lookups lookups;
  private final FirewallVersion version;

  public Reader(Lookups lookups, FirewallVersion version) {
    this.lookups = lookups;
    this.version = version;
  }

  public List<Map<String, String>> rows(Endpoint ep) {
    if (ep == FirewallRuleMapping.RULES && !version.searchesAllRules()) {
      return rulesPerInterface();
    }
    return lookups.rows(ep);
  }

  private List<Map<String, String>> rulesPerInterface() {
    Map<String, Map<String, String>> byUuid = new LinkedHashMap<>();
    List<String> views = new ArrayList<>();
    views.add(null);
    JsonNode template = lookups.client().get(FirewallRuleMapping.RULES.base() + "getRule");
    template
        .path("rule")
        .path("interface")
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (!k.isEmpty()) {
                views.add(k);
              }
            });
    for (String view : views) {
      ObjectNode extra = Json.object();
      if (view != null) {
        extra.put("interface", view);
      }
      for (JsonNode row :
          lookups.client().searchAll(FirewallRuleMapping.RULES.searchPath(), extra)) {
        Map<String, String> flat = FieldDecoder.flatten(row);
        byUuid.putIfAbsent(flat.getOrDefault("uuid", ""), flat);
      }
    }
    return new ArrayList<>(byUuid.values());
  }

  /**
   * One object by {@code get…/{uuid}}: for objects a search may hide (manual outbound NAT rules in
   * automatic mode on 26.7). Null when it does not exist.
   */
  public Map<String, String> getOne(Endpoint ep, String id) {
    try {
      JsonNode answer = lookups.client().get(ep.getPath(id));
      JsonNode item = answer.get(ep.wrapper());
      if (item == null || !item.isObject()) {
        return null;
      }
      Map<String, String> flat = FieldDecoder.flatten(item);
      flat.put("uuid", id);
      return flat;
    } catch (OpnsenseApiException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  public boolean searchMayHide(Endpoint ep) {
    return ep == NatMapping.OUTBOUND && version.hasSnatMode();
  }
}
