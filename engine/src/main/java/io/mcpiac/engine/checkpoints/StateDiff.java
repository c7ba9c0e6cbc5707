package io.mcpiac.engine.checkpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.PropertyChange;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What differs between two recorded states (two checkpoints, or a checkpoint and now): resources
 * added, removed, and changed with their property changes. Secrets compare as their digests.
 */
public record StateDiff(List<Entry> entries) {
  /** One resource: {@code kind} is {@code added}, {@code removed} or {@code changed}. */
  public record Entry(String name, String type, String kind, List<PropertyChange> changes) {}

  public static StateDiff between(
      Collection<ResourceRecord> before, Collection<ResourceRecord> after) {
    Map<String, ResourceRecord> a = byName(before);
    Map<String, ResourceRecord> b = byName(after);
    TreeSet<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    List<Entry> out = new ArrayList<>();
    for (String name : names) {
      ResourceRecord x = a.get(name);
      ResourceRecord y = b.get(name);
      if (x == null) {
        out.add(new Entry(name, y.type(), "added", changes(null, y.properties())));
      } else if (y == null) {
        out.add(new Entry(name, x.type(), "removed", changes(x.properties(), null)));
      } else {
        List<PropertyChange> changes = changes(x.properties(), y.properties());
        if (!x.type().equals(y.type()) || !java.util.Objects.equals(x.id(), y.id())) {
          changes.add(
              0,
              new PropertyChange(
                  "(object)",
                  Json.MAPPER.valueToTree(x.type() + " " + x.id()),
                  Json.MAPPER.valueToTree(y.type() + " " + y.id()),
                  true));
        }
        if (!changes.isEmpty()) {
          out.add(new Entry(name, y.type(), "changed", changes));
        }
      }
    }
    return new StateDiff(List.copyOf(out));
  }

  public long count(String kind) {
    return entries.stream().filter(e -> e.kind().equals(kind)).count();
  }

  private static Map<String, ResourceRecord> byName(Collection<ResourceRecord> records) {
    Map<String, ResourceRecord> out = new TreeMap<>();
    records.forEach(r -> out.put(r.name(), r));
    return out;
  }

  private static List<PropertyChange> changes(ObjectNode before, ObjectNode after) {
    TreeSet<String> keys = new TreeSet<>();
    if (before != null) {
      before.fieldNames().forEachRemaining(keys::add);
    }
    if (after != null) {
      after.fieldNames().forEachRemaining(keys::add);
    }
    List<PropertyChange> out = new ArrayList<>();
    for (String key : keys) {
      JsonNode x = before == null ? null : before.get(key);
      JsonNode y = after == null ? null : after.get(key);
      if (!Json.sameValue(x, y)) {
        out.add(new PropertyChange(key, x, y, false));
      }
    }
    return out;
  }
}
