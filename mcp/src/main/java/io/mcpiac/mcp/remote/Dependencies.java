package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server sees resolved values, not references, so it cannot order its own resources when it
 * restores a snapshot or deletes several at once (a HAProxy backend before its servers). This gives
 * each resource sent to it a {@code dependsOn} again: the dependencies the server recorded before,
 * plus every resource whose id or output value appears among its properties (how a resolved {@code
 * ${web-1.uuid}} looks). An edge that would close a cycle is left out.
 */
final class Dependencies {
  /** Shorter output values ("80", "tcp") match too much to mean a reference. */
  private static final int MIN_VALUE_LENGTH = 6;

  private Dependencies() {}

  static void infer(
      Map<String, ObjectNode> desired,
      Map<String, Recorded> recorded,
      Map<String, List<String>> recordedDependencies) {
    Map<String, String> owners = new HashMap<>();
    for (Recorded r : recorded.values()) {
      if (!desired.containsKey(r.name())) {
        continue;
      }
      if (r.id() != null && r.id().length() >= MIN_VALUE_LENGTH) {
        owners.putIfAbsent(r.id(), r.name());
      }
      r.outputs()
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isTextual()
                    && e.getValue().asText().length() >= MIN_VALUE_LENGTH) {
                  owners.putIfAbsent(e.getValue().asText(), r.name());
                }
              });
    }
    Map<String, Set<String>> edges = new LinkedHashMap<>();
    for (String name : desired.keySet()) {
      edges.put(name, new LinkedHashSet<>());
    }
    recordedDependencies.forEach((name, deps) -> deps.forEach(d -> addEdge(edges, name, d)));
    desired.forEach(
        (name, resource) -> {
          Set<String> found = new LinkedHashSet<>();
          collect(resource.path("properties"), owners, found);
          found.forEach(d -> addEdge(edges, name, d));
        });
    edges.forEach(
        (name, deps) -> {
          if (!deps.isEmpty()) {
            ArrayNode list = desired.get(name).putArray("dependsOn");
            deps.forEach(list::add);
          }
        });
  }

  private static void collect(JsonNode node, Map<String, String> owners, Set<String> found) {
    if (node.isTextual()) {
      String owner = owners.get(node.asText());
      if (owner != null) {
        found.add(owner);
      }
    } else if (node.isContainerNode()) {
      node.forEach(child -> collect(child, owners, found));
    }
  }

  private static void addEdge(Map<String, Set<String>> edges, String from, String to) {
    if (from.equals(to) || !edges.containsKey(from) || !edges.containsKey(to)) {
      return;
    }
    if (!reaches(edges, to, from)) {
      edges.get(from).add(to);
    }
  }

  private static boolean reaches(Map<String, Set<String>> edges, String start, String target) {
    Deque<String> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      String n = todo.poll();
      if (n.equals(target)) {
        return true;
      }
      if (seen.add(n)) {
        todo.addAll(edges.getOrDefault(n, Set.of()));
      }
    }
    return false;
  }
}
