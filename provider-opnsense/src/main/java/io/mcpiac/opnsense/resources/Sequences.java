package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Placement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluation order for rules: OPNsense matches rules by {@code sequence} (first match wins for
 * quick rules), so the rules of a deployment in one group (an interface; a NAT kind and interface)
 * get increasing sequences in the order of the file. A rule that names its own {@code sequence}
 * keeps it. Sequences leave gaps ({@link #GAP}) so rules added by hand can sit between ours, and
 * are stable: a rule keeps the sequence state recorded for it as long as that still fits the order;
 * only new or moved rules get a new one, in the gap where they now belong.
 */
public final class Sequences {
  static final int GAP = 100;
  static final int MAX = 999_999;

  private Sequences() {}

  /**
   * @param group the group a rule belongs to, from its configured properties
   */
  public static Map<String, ObjectNode> arrange(
      List<Placement> rules, Function<ObjectNode, String> group) {
    Map<String, List<Placement>> groups = new LinkedHashMap<>();
    for (Placement p : rules) {
      groups.computeIfAbsent(group.apply(p.properties()), k -> new ArrayList<>()).add(p);
    }
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (List<Placement> g : groups.values()) {
      assign(g, out);
    }
    return out;
  }

  private static void assign(List<Placement> g, Map<String, ObjectNode> out) {
    int prev = 0;
    for (int i = 0; i < g.size(); i++) {
      Placement p = g.get(i);
      Integer own = number(p.properties().get("sequence"));
      if (own != null) {
        prev = own;
        continue;
      }
      if (p.properties().hasNonNull("sequence")) {
        continue; // a reference or an unknown: the file decides
      }
      Integer kept = p.recorded() == null ? null : number(p.recorded().get("sequence"));
      int seq;
      if (kept != null && kept > prev && kept <= MAX) {
        seq = kept;
      } else {
        Integer next = nextAnchor(g, i + 1, prev);
        seq = next == null ? prev + GAP : prev + Math.max(1, (next - prev) / 2);
        seq = Math.min(seq, MAX);
      }
      ObjectNode add = Json.object();
      add.put("sequence", seq);
      out.put(p.name(), add);
      prev = seq;
    }
  }

  /** The first later sequence (written or recorded) above {@code prev} with room below it. */
  private static Integer nextAnchor(List<Placement> g, int from, int prev) {
    for (int j = from; j < g.size(); j++) {
      Placement q = g.get(j);
      Integer s = number(q.properties().get("sequence"));
      if (s == null && q.recorded() != null) {
        s = number(q.recorded().get("sequence"));
      }
      if (s != null && s > prev + 1) {
        return s;
      }
    }
    return null;
  }

  private static Integer number(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.intValue();
    }
    if (n.isTextual() && n.asText().matches("[0-9]{1,6}")) {
      return Integer.parseInt(n.asText());
    }
    return null;
  }
}
