package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;

/**
 * A value read back from OPNsense in the shape the user wrote it, when both mean the same: the
 * firewall's own spelling of a value is no drift.
 */
final class LiveShape {
  private LiveShape() {}

  /** {@code live} as {@code recorded} where they mean the same, else {@code live}. */
  static JsonNode of(String property, JsonNode recorded, JsonNode live) {
    // OPNsense answers protocols upper-case (TCP) whatever was written; the name is the same
    if (property.equals("protocol")
        && recorded != null
        && live != null
        && recorded.asText().equalsIgnoreCase(live.asText())) {
      return recorded;
    }
    // 8000:8080 and 8000-8080 are one range; the field's own syntax is read back
    if (recorded != null && live != null && samePorts(recorded, live)) {
      return recorded;
    }
    return Props.like(recorded, live);
  }

  private static boolean samePorts(JsonNode recorded, JsonNode live) {
    List<String> a = Props.list(recorded);
    List<String> b = Props.list(live);
    if (a.size() != b.size() || a.isEmpty()) {
      return false;
    }
    boolean anyRange = false;
    for (int i = 0; i < a.size(); i++) {
      if (PortSyntax.same(a.get(i), b.get(i))) {
        anyRange = true;
      } else if (!a.get(i).equals(b.get(i))) {
        return false;
      }
    }
    return anyRange;
  }
}
