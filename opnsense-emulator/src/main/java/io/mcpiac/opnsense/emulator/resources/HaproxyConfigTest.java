package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.model.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code haproxy -c} on the configuration the saved settings would generate: the checks that a
 * saved-but-broken HAProxy setup fails (duplicate names, which the model allows; frontends and
 * backends pointing at disabled or missing objects).
 */
final class HaproxyConfigTest {
  private HaproxyConfigTest() {}

  static String run(Config config) {
    StringBuilder alerts = new StringBuilder();
    StringBuilder warnings = new StringBuilder();
    Map<String, String> seen = new HashMap<>();
    int line = 40;
    for (String list : List.of(Collections.HAPROXY_FRONTENDS, Collections.HAPROXY_BACKENDS)) {
      String kind = list.equals(Collections.HAPROXY_FRONTENDS) ? "frontend" : "backend";
      for (Map.Entry<String, JsonNode> e : config.items(list)) {
        line += 12;
        if (!"1".equals(e.getValue().path("enabled").asText())) {
          continue;
        }
        String name = e.getValue().path("name").asText();
        String prev = seen.put(name, kind);
        if (prev != null) {
          alerts
              .append("[ALERT]    (1) : config : parsing [/usr/local/etc/haproxy.conf:")
              .append(line)
              .append("] : ")
              .append(kind)
              .append(" '")
              .append(name)
              .append("' has the same name as ")
              .append(prev)
              .append(" '")
              .append(name)
              .append("' declared earlier.\n");
        }
      }
    }
    for (Map.Entry<String, JsonNode> f : config.items(Collections.HAPROXY_FRONTENDS)) {
      String backend = f.getValue().path("defaultBackend").asText("");
      if (!backend.isEmpty()) {
        JsonNode b = config.item(Collections.HAPROXY_BACKENDS, backend);
        if (b == null || !"1".equals(b.path("enabled").asText())) {
          alerts
              .append("[ALERT]    (1) : config : Proxy '")
              .append(f.getValue().path("name").asText())
              .append("': unable to find required default_backend.\n");
        }
      }
    }
    for (Map.Entry<String, JsonNode> b : config.items(Collections.HAPROXY_BACKENDS)) {
      if ("1".equals(b.getValue().path("enabled").asText())
          && b.getValue().path("linkedServers").asText("").isEmpty()) {
        warnings
            .append("[WARNING]  (1) : config : backend '")
            .append(b.getValue().path("name").asText())
            .append("' has no server available!\n");
      }
    }
    if (alerts.length() > 0) {
      return warnings.toString()
          + alerts
          + "[ALERT]    (1) : config : Fatal errors found in configuration.\n\n";
    }
    return warnings + "Configuration file is valid\n\n";
  }
}
