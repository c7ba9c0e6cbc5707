package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.kit.Props;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code opnsense:service:haproxy:backend}: a backend pool. {@code servers} lists server UUIDs
 * ({@code ${web-1.uuid}}) or, in the seed's short form, addresses ({@code "10.0.0.5:8080"}, {@code
 * "${aws:ec2:app-1.ip}"} with {@code defaultPort}). For an address the backend keeps a server
 * object of its own, whose UUID is derived from the backend's UUID and the address, so repeating a
 * write never leaves a second one behind.
 */
public final class HaproxyBackendMapping extends ResourceMapping {
  static final Endpoint BACKENDS =
      new Endpoint(
          "/api/haproxy/settings/", "backend", "Backend", "searchBackends", Module.HAPROXY);
  static final String MANAGED = "mcp-iac: server of backend ";

  private static final List<Spec> SPECS =
      List.of(
          Spec.enabled(),
          Spec.text("name", "name", null, "Backend name (default: the resource name)."),
          Spec.choice("mode", "mode", "http", "http (default) or tcp.", "http", "tcp"),
          Spec.choice(
              "algorithm",
              "algorithm",
              "source",
              "Balancing: source (default), roundrobin, static-rr, leastconn, uri, random.",
              "source",
              "roundrobin",
              "static-rr",
              "leastconn",
              "uri",
              "random"),
          new Spec(
              "servers",
              "@servers",
              Spec.Kind.CSV,
              null,
              "Server UUIDs, or addresses host[:port] for which the backend keeps its own servers.",
              null),
          Spec.integer(
              "defaultPort",
              "@defaultPort",
              null,
              "Port of addresses given without one (default 80).",
              "\"minimum\":1,\"maximum\":65535"),
          Spec.bool(
              "healthCheck",
              "healthCheckEnabled",
              true,
              "Check the servers' health (default true)."),
          Spec.oneLine("description", "description", "", "Free text."));

  public HaproxyBackendMapping() {
    super("opnsense:service:haproxy:backend", "A backend pool of HAProxy servers.");
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(BACKENDS);
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return SPECS;
  }

  /** host:port of a short-form entry, or null for a server UUID. */
  static String address(String entry, int defaultPort) {
    String e = entry.trim();
    if (OpnsenseNames.isUuid(e)) {
      return null;
    }
    if (e.startsWith("[")) {
      int close = e.indexOf(']');
      String host = e.substring(0, close + 1);
      String rest = e.substring(close + 1);
      return host + ":" + (rest.startsWith(":") ? rest.substring(1) : String.valueOf(defaultPort));
    }
    int colons = e.length() - e.replace(":", "").length();
    if (colons == 1) {
      return e;
    }
    return colons > 1 ? "[" + e + "]:" + defaultPort : e + ":" + defaultPort;
  }

  static int defaultPort(ObjectNode props) {
    String p = Props.text(props, "defaultPort");
    return p == null ? 80 : Integer.parseInt(p);
  }

  /** The UUID of the server a backend keeps for an address: stable, version 4 shaped. */
  static String managedServerId(String backendId, String address) {
    String h = Json.sha256(backendId + "|" + address);
    char variant = "89ab".charAt(Character.digit(h.charAt(16), 16) & 3);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-4"
        + h.substring(13, 16)
        + "-"
        + variant
        + h.substring(17, 20)
        + "-"
        + h.substring(20, 32);
  }

  /** Server UUID → address for the servers the backend keeps. */
  private static Map<String, String> managed(String backendId, ObjectNode props) {
    Map<String, String> out = new LinkedHashMap<>();
    if (props == null) {
      return out;
    }
    int port = defaultPort(props);
    for (String entry : Props.list(props, "servers")) {
      String a = address(entry, port);
      if (a != null) {
        out.put(managedServerId(backendId, a), a);
      }
    }
    return out;
  }

  private static List<String> linked(String backendId, ObjectNode props) {
    List<String> out = new ArrayList<>();
    int port = defaultPort(props);
    for (String entry : Props.list(props, "servers")) {
      String a = address(entry, port);
      out.add(a == null ? entry.trim() : managedServerId(backendId, a));
    }
    return out;
  }

  private void writeServers(
      Writer w, String resource, ObjectNode props, Map<String, String> servers) {
    String backendName = HaproxyServerMapping.haproxyName(resource, props);
    HaproxyServerMapping serverMapping = new HaproxyServerMapping();
    for (Map.Entry<String, String> s : servers.entrySet()) {
      String a = s.getValue();
      int colon = a.lastIndexOf(':');
      String host = a.substring(0, colon);
      if (host.startsWith("[")) {
        host = host.substring(1, host.length() - 1);
      }
      ObjectNode fields = Json.object();
      fields.put("enabled", "1");
      fields.put(
          "name",
          (backendName + "-" + host + "-" + a.substring(colon + 1))
              .replaceAll("[^0-9a-zA-Z._-]", "-"));
      fields.put("address", host);
      fields.put("port", a.substring(colon + 1));
      fields.put("mode", "active");
      fields.put("type", "static");
      fields.put("description", MANAGED + backendName);
      w.set(serverMapping, HaproxyServerMapping.SERVERS, s.getKey(), fields);
    }
  }

  private static void deleteServers(Writer w, Iterable<String> ids) {
    for (String id : ids) {
      w.del(HaproxyServerMapping.SERVERS, id);
    }
  }

  private ObjectNode backendFields(String resource, String id, ObjectNode props, Lookups l) {
    ObjectNode fields = toFields(resource, props, BACKENDS, l);
    fields.put("linkedServers", String.join(",", linked(id, props)));
    return fields;
  }

  @Override
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint ep, Lookups lookups) {
    fields.put("name", HaproxyServerMapping.haproxyName(resource, props));
  }

  @Override
  public String create(Writer w, Endpoint ep, String id, String resource, ObjectNode props) {
    Map<String, String> servers = managed(id, props);
    writeServers(w, resource, props, servers);
    try {
      w.set(this, ep, id, backendFields(resource, id, props, w.lookups()));
    } catch (WriteFailure e) {
      try {
        deleteServers(w, servers.keySet());
      } catch (WriteFailure ignored) {
        // the backend failed already; its servers are removed on a best-effort basis
      }
      throw e;
    }
    return id;
  }

  @Override
  public void update(
      Writer w, Endpoint ep, String id, String resource, ObjectNode prior, ObjectNode props) {
    Map<String, String> servers = managed(id, props);
    writeServers(w, resource, props, servers);
    w.set(this, ep, id, backendFields(resource, id, props, w.lookups()));
    List<String> gone = new ArrayList<>(managed(id, prior).keySet());
    gone.removeAll(servers.keySet());
    deleteServers(w, gone);
  }

  @Override
  public void delete(Writer w, Endpoint ep, String id, String resource, ObjectNode prior) {
    w.del(ep, id);
    deleteServers(w, managed(id, prior).keySet());
  }

  @Override
  protected void customizeProperties(
      ObjectNode props, Endpoint ep, Map<String, String> row, Lookups lookups) {
    String id = row.get("uuid");
    ArrayNode servers = props.putArray("servers");
    for (JsonNode s : Props.split(row.getOrDefault("linkedServers", ""), ",")) {
      String sid = s.asText();
      String address = null;
      for (Map<String, String> server : lookups.rows(HaproxyServerMapping.SERVERS)) {
        if (sid.equals(server.get("uuid"))) {
          String host = server.getOrDefault("address", "");
          String a =
              (host.contains(":") ? "[" + host + "]" : host)
                  + ":"
                  + server.getOrDefault("port", "");
          if (managedServerId(id, a).equals(sid)) {
            address = a;
          }
        }
      }
      servers.add(address != null ? address : sid);
    }
  }

  @Override
  public JsonNode shape(
      String property, JsonNode recorded, JsonNode live, ObjectNode recordedProps, Lookups l) {
    if (property.equals("servers") && recorded != null && live != null && live.isArray()) {
      int port = defaultPort(recordedProps);
      List<String> rec = Props.list(recorded);
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (JsonNode item : live) {
        String liveEntry = item.asText();
        String match = liveEntry;
        for (String r : rec) {
          String a = address(r, port);
          if (r.equals(liveEntry) || (a != null && a.equals(liveEntry))) {
            match = r;
            break;
          }
        }
        out.add(match);
      }
      return Props.like(recorded, out);
    }
    return super.shape(property, recorded, live, recordedProps, l);
  }

  @Override
  public String propertyOf(Endpoint endpoint, String field) {
    return field.equals("linkedServers") ? "servers" : super.propertyOf(endpoint, field);
  }

  @Override
  protected Map<String, String> outputDescriptions() {
    return Map.of("uuid", "the backend's UUID (what frontends use)", "name", "the backend name");
  }

  @Override
  public ObjectNode outputs(String resource, String id, Map<String, String> row, ObjectNode props) {
    return HaproxyServerMapping.withName(
        super.outputs(resource, id, row, props), resource, row, props);
  }
}
