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
 * are stable: as many rules as the order allows keep the sequence state recorded for them; only new
 * or moved rules get a new one, in the gap where they now belong.
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
    boolean[] keep = kept(g);
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
      int seq;
      if (keep[i]) {
        seq = recorded(p);
      } else {
        Integer next = nextAnchor(g, keep, i + 1, prev);
        seq = next == null ? prev + GAP : prev + Math.max(1, (next - prev) / 2);
        seq = Math.min(seq, MAX);
      }
      ObjectNode add = Json.object();
      add.put("sequence", seq);
      out.put(p.name(), add);
      prev = seq;
    }
  }

  /**
   * Which rules keep their recorded sequence: the largest set whose recorded numbers already rise
   * in the order of the file (a longest increasing subsequence, the rules' own numbers always in
   * it), so a reordering moves as few rules as it can — moving one rule up moves that rule only.
   */
  private static boolean[] kept(List<Placement> g) {
    int n = g.size();
    int[] value = new int[n];
    int[] weight = new int[n];
    Integer lastOwn = null;
    for (int i = 0; i < n; i++) {
      Integer own = number(g.get(i).properties().get("sequence"));
      if (own != null) {
        value[i] = own;
        weight[i] = n + 1; // never left out in favour of recorded ones
        lastOwn = own;
        continue;
      }
      Integer rec = g.get(i).properties().hasNonNull("sequence") ? null : recordedOrNull(g.get(i));
      Integer nextOwn = nextOwn(g, i + 1);
      if (rec != null
          && rec <= MAX
          && (lastOwn == null || rec > lastOwn)
          && (nextOwn == null || rec < nextOwn)) {
        value[i] = rec;
        weight[i] = 1;
      }
    }
    int[] best = new int[n];
    int[] from = new int[n];
    int top = -1;
    for (int i = 0; i < n; i++) {
      from[i] = -1;
      if (weight[i] == 0) {
        continue;
      }
      best[i] = weight[i];
      for (int j = 0; j < i; j++) {
        if (weight[j] > 0 && value[j] < value[i] && best[j] + weight[i] > best[i]) {
          best[i] = best[j] + weight[i];
          from[i] = j;
        }
      }
      if (top < 0 || best[i] > best[top]) {
        top = i;
      }
    }
    boolean[] keep = new boolean[n];
    for (int i = top; i >= 0; i = from[i]) {
      keep[i] = weight[i] == 1;
    }
    return keep;
  }

  private static Integer nextOwn(List<Placement> g, int from) {
    for (int j = from; j < g.size(); j++) {
      Integer own = number(g.get(j).properties().get("sequence"));
      if (own != null) {
        return own;
      }
    }
    return null;
  }

  private static Integer recordedOrNull(Placement p) {
    return p.recorded() == null ? null : number(p.recorded().get("sequence"));
  }

  private static int recorded(Placement p) {
    return recordedOrNull(p);
  }

  /** The first later sequence (written or kept) above {@code prev} with room below it. */
  private static Integer nextAnchor(List<Placement> g, boolean[] keep, int from, int prev) {
    for (int j = from; j < g.size(); j++) {
      Placement q = g.get(j);
      Integer s = number(q.properties().get("sequence"));
      if (s == null && keep[j]) {
        s = recorded(q);
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
