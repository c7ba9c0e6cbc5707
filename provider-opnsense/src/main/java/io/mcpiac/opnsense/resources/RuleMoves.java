package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.opnsense.client.FirewallVersion;
import io.mcpiac.opnsense.client.OpnsenseApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places rules with the firewall's own {@code moveRuleBefore} (filter rules 25.7+, NAT 26.1+) where
 * a batch changes a rule's place: a rule whose sequence changes (reordered in the file, or moved on
 * the firewall behind our back) is written where it is and then moved before the rule that now
 * follows it on its interface — ours or one added by hand, so hand-made rules keep their place
 * among ours, and when the gap is too small the firewall renumbers the rules after it itself. A new
 * rule is written with its planned sequence and moved only when another rule already has that
 * number. A rule that goes last has nothing to move before: its sequence is written. The plan's
 * number is kept when it still fits between the rule's new neighbours; otherwise the firewall's is
 * reported back, so state records what the firewall holds and the next plan has no changes. Without
 * the move call (older versions, or an answer 404) sequences are written, as planned.
 */
public final class RuleMoves {
  private static final Logger LOG = LoggerFactory.getLogger(RuleMoves.class);

  /** One rule change of a batch that has a planned sequence. */
  public record Placed(int index, Change change, Endpoint ep, String id, int planned) {}

  private final Lookups lookups;
  private final Reader reader;
  private final FirewallVersion version;

  /** The live sequence before the batch's writes, by rule uuid (updates only). */
  private final Map<String, Integer> before = new HashMap<>();

  public RuleMoves(Lookups lookups, FirewallVersion version) {
    this.lookups = lookups;
    this.reader = new Reader(lookups, version);
    this.version = version;
  }

  /** Whether objects of {@code ep} are rules the firewall evaluates by sequence. */
  public static boolean ordered(Endpoint ep) {
    return ep == FirewallRuleMapping.RULES
        || ep == NatMapping.PORT_FORWARD
        || ep == NatMapping.OUTBOUND
        || ep == NatMapping.ONE_TO_ONE;
  }

  /** Whether this firewall has the move call for {@code ep}. */
  boolean canMove(Endpoint ep) {
    return ep == FirewallRuleMapping.RULES ? version.atLeast(25, 7) : version.atLeast(26, 1);
  }

  /** The planned sequence of a create or update of a rule; null when none or not ordered. */
  public static Integer planned(Change c, Endpoint ep) {
    if (c.kind() == Change.Kind.DELETE || !ordered(ep) || c.desired() == null) {
      return null;
    }
    JsonNode s = c.desired().get("sequence");
    return s != null && s.canConvertToInt() && (s.isIntegralNumber() || s.isTextual())
        ? Integer.valueOf(s.asInt())
        : null;
  }

  /**
   * Reads the live sequences of the rules the batch updates (one read per collection), before
   * anything is written.
   */
  public void readBefore(List<Placed> rules) {
    java.util.Set<Endpoint> read = new java.util.HashSet<>();
    for (Placed p : rules) {
      if (p.change().kind() == Change.Kind.UPDATE && canMove(p.ep()) && read.add(p.ep())) {
        for (Map<String, String> row : reader.rows(p.ep())) {
          Integer s = number(row.get("sequence"));
          if (s != null) {
            before.put(row.get("uuid"), s);
          }
        }
      }
    }
  }

  /** Whether the rule's place changes, so it is moved rather than numbered. */
  public boolean moves(Placed p) {
    if (!canMove(p.ep()) || p.change().kind() != Change.Kind.UPDATE) {
      return false;
    }
    Integer live = before.get(p.id());
    return live != null && live != p.planned();
  }

  /** What to write for a rule that moves: everything but its place, which the move sets. */
  public ObjectNode toWrite(Placed p, ObjectNode desired) {
    ObjectNode out = desired.deepCopy();
    out.put("sequence", before.get(p.id()));
    return out;
  }

  /**
   * Moves the rules whose place changes, in the order of their planned sequences, and returns the
   * sequences the firewall gave that differ from the planned ones, by batch index.
   */
  public Map<Integer, Integer> place(List<Placed> written) {
    List<Placed> todo = new ArrayList<>();
    Map<Endpoint, List<Map<String, String>>> read = new HashMap<>();
    for (Placed p : written) {
      if (moves(p)
          || (p.change().kind() == Change.Kind.CREATE && canMove(p.ep()) && taken(p, read))) {
        todo.add(p);
      }
    }
    todo.sort(Comparator.comparingInt(Placed::planned));
    java.util.Set<String> pending = new java.util.HashSet<>();
    todo.stream().filter(this::moves).forEach(p -> pending.add(p.id()));
    for (Placed p : todo) {
      pending.remove(p.id());
      place(p, pending);
    }
    Map<Integer, Integer> differ = new HashMap<>();
    if (todo.isEmpty()) {
      return differ;
    }
    Map<Endpoint, Map<String, Integer>> now = new HashMap<>();
    for (Placed p : written) {
      Integer s = now.computeIfAbsent(p.ep(), this::sequences).get(p.id());
      if (s != null && s != p.planned()) {
        differ.put(p.index(), s);
      }
    }
    return differ;
  }

  /**
   * Whether another rule on a new rule's interface already has its planned number (one read per
   * collection for all of a batch's new rules).
   */
  private boolean taken(Placed p, Map<Endpoint, List<Map<String, String>>> read) {
    List<Map<String, String>> rows =
        read.computeIfAbsent(
            p.ep(),
            ep -> {
              lookups.invalidate(ep);
              return reader.rows(ep);
            });
    String iface = null;
    for (Map<String, String> row : rows) {
      if (p.id().equals(row.get("uuid"))) {
        iface = row.getOrDefault("interface", "");
      }
    }
    for (Map<String, String> row : rows) {
      if (!p.id().equals(row.get("uuid"))
          && row.getOrDefault("interface", "").equals(iface)
          && Integer.valueOf(p.planned()).equals(number(row.get("sequence")))) {
        return true;
      }
    }
    return false;
  }

  private void place(Placed p, java.util.Set<String> pending) {
    List<Map<String, String>> group = group(p);
    Map<String, String> target = null;
    boolean taken = false;
    for (Map<String, String> row : group) {
      String uuid = row.get("uuid");
      Integer s = number(row.get("sequence"));
      if (uuid.equals(p.id()) || pending.contains(uuid) || s == null || s < p.planned()) {
        continue;
      }
      taken |= s == p.planned();
      target = row;
      break;
    }
    boolean moving = moves(p);
    if (target == null || (!moving && !taken)) {
      if (moving) {
        setSequence(p, p.planned()); // it goes last: there is no "move after"
      }
      return;
    }
    try {
      lookups
          .client()
          .post(
              p.ep().base() + "moveRuleBefore/" + p.id() + "/" + target.get("uuid"), Json.object());
    } catch (OpnsenseApiException e) {
      if (e.status() != 404) {
        throw e;
      }
      LOG.debug("no moveRuleBefore on {}: writing the sequence", p.ep().base());
      setSequence(p, p.planned());
      return;
    }
    keepPlannedWhereItFits(p);
  }

  /** After a move: the plan's number, when it still sits between the rule's new neighbours. */
  private void keepPlannedWhereItFits(Placed p) {
    List<Map<String, String>> group = group(p);
    Integer prev = null;
    Integer next = null;
    boolean seen = false;
    for (Map<String, String> row : group) {
      Integer s = number(row.get("sequence"));
      if (row.get("uuid").equals(p.id())) {
        if (s != null && s == p.planned()) {
          return;
        }
        seen = true;
      } else if (s != null && !seen) {
        prev = s;
      } else if (s != null && next == null) {
        next = s;
      }
    }
    if (seen
        && (prev == null || prev < p.planned())
        && (next == null || next > p.planned())
        && p.planned() >= 1) {
      setSequence(p, p.planned());
    }
  }

  private void setSequence(Placed p, int sequence) {
    ObjectNode body = Json.object();
    body.putObject(p.ep().wrapper()).put("sequence", String.valueOf(sequence));
    lookups.client().post(p.ep().setPath(p.id()), body);
  }

  /** The live rules on the rule's interface (its priority group), by sequence. */
  private List<Map<String, String>> group(Placed p) {
    lookups.invalidate(p.ep());
    List<Map<String, String>> rows = reader.rows(p.ep());
    String iface = null;
    for (Map<String, String> row : rows) {
      if (p.id().equals(row.get("uuid"))) {
        iface = row.getOrDefault("interface", "");
      }
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, String> row : rows) {
      if (iface != null && iface.equals(row.getOrDefault("interface", ""))) {
        out.add(row);
      }
    }
    out.sort(Comparator.comparingInt((Map<String, String> r) -> orZero(number(r.get("sequence")))));
    return out;
  }

  private Map<String, Integer> sequences(Endpoint ep) {
    lookups.invalidate(ep);
    Map<String, Integer> out = new HashMap<>();
    for (Map<String, String> row : reader.rows(ep)) {
      Integer s = number(row.get("sequence"));
      if (s != null) {
        out.put(row.get("uuid"), s);
      }
    }
    return out;
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private static Integer number(String s) {
    if (s == null || !s.trim().matches("[0-9]{1,9}")) {
      return null;
    }
    return Integer.parseInt(s.trim());
  }
}
