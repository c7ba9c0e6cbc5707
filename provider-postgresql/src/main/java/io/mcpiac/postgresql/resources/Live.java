package io.mcpiac.postgresql.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small conversions the handlers share: names with their defaults, arrays, outputs. */
final class Live {
  private Live() {}

  /** The object's name: the {@code name} property, else the resource name. */
  static String name(ObjectNode props, String resource) {
    String n = Props.text(props, "name");
    return n != null ? n : resource;
  }

  static String name(ReadRequest r) {
    return name(r.properties(), r.name());
  }

  /** A text property, or {@code fallback} when the file leaves it out. */
  static String text(ObjectNode props, String key, String fallback) {
    String t = Props.text(props, key);
    return t != null ? t : fallback;
  }

  static ArrayNode array(Collection<String> values) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  static List<String> strings(ResultSet rs, String column) throws SQLException {
    Array a = rs.getArray(column);
    List<String> out = new ArrayList<>();
    if (a != null) {
      for (Object o : (Object[]) a.getArray()) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  static List<String> sortedList(JsonNode n) {
    List<String> out = new ArrayList<>(Props.list(n));
    out.sort(null);
    return out;
  }

  static ObjectNode outputs(String... keyValues) {
    ObjectNode o = Json.object();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      o.put(keyValues[i], keyValues[i + 1]);
    }
    return o;
  }

  /**
   * A resource name for an imported object: its natural name, with what resource names do not allow
   * replaced.
   */
  static String resourceName(String natural) {
    String n = natural.replaceAll("[^a-zA-Z0-9_-]", "-");
    return n.isEmpty() || !Character.isLetter(n.charAt(0)) ? "pg-" + n : n;
  }

  /** One query of objects by name, on one server. */
  @FunctionalInterface
  interface NamedQuery {
    List<io.mcpiac.engine.providers.LiveResource> run(
        io.mcpiac.postgresql.connection.PgServer server, List<String> names);
  }

  /**
   * The objects known by name on their server (roles, databases): one query per server the requests
   * name, answered by resource name.
   */
  static java.util.Map<String, io.mcpiac.engine.providers.LiveResource> byName(
      io.mcpiac.postgresql.connection.PgServer server,
      List<ReadRequest> requests,
      NamedQuery query) {
    java.util.Map<io.mcpiac.postgresql.connection.PgServer, List<ReadRequest>> groups =
        new java.util.LinkedHashMap<>();
    for (ReadRequest r : requests) {
      groups.computeIfAbsent(server.at(r.properties()), s -> new ArrayList<>()).add(r);
    }
    java.util.Map<String, io.mcpiac.engine.providers.LiveResource> out =
        new java.util.LinkedHashMap<>();
    groups.forEach(
        (s, group) -> {
          java.util.Map<String, io.mcpiac.engine.providers.LiveResource> found =
              new java.util.LinkedHashMap<>();
          query
              .run(s, group.stream().map(Live::name).distinct().toList())
              .forEach(l -> found.put(l.id(), l));
          out.putAll(answer(found, group));
        });
    return out;
  }

  /**
   * The requests answered from objects found on the server, keyed by the object's name there: each
   * request that names a found object gets it under the request's resource name.
   */
  static java.util.Map<String, io.mcpiac.engine.providers.LiveResource> answer(
      java.util.Map<String, io.mcpiac.engine.providers.LiveResource> found,
      List<ReadRequest> requests) {
    java.util.Map<String, io.mcpiac.engine.providers.LiveResource> out =
        new java.util.LinkedHashMap<>();
    for (ReadRequest r : requests) {
      io.mcpiac.engine.providers.LiveResource l = found.get(name(r));
      if (l != null) {
        out.put(
            r.name(),
            new io.mcpiac.engine.providers.LiveResource(
                r.name(), l.id(), l.properties(), l.outputs()));
      }
    }
    return out;
  }
}
