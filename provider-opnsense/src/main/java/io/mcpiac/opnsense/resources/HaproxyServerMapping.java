package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;
import java.util.Map;

/** {@code opnsense:service:haproxy:server}: a real server of HAProxy (plugin os-haproxy). */
public final class HaproxyServerMapping extends ResourceMapping {
  static final Endpoint SERVERS =
      new Endpoint("/api/haproxy/settings/", "server", "Server", "searchServers", Module.HAPROXY);

  private static final List<Spec> SPECS =
      List.of(
          Spec.enabled(),
          Spec.text("name", "name", null, "Server name (default: the resource name)."),
          Spec.text("address", "address", null, "Host name or IP address."),
          Spec.integer("port", "port", "", "Port (1-65535).", "\"minimum\":1,\"maximum\":65535"),
          Spec.choice(
              "mode",
              "mode",
              "active",
              "active (default), backup or disabled.",
              "active",
              "backup",
              "disabled"),
          Spec.integer(
              "weight",
              "weight",
              "",
              "Load-balancing weight (0-256).",
              "\"minimum\":0,\"maximum\":256"),
          Spec.bool("ssl", "ssl", false, "Talk TLS to the server."),
          Spec.bool(
              "sslVerify", "sslVerify", true, "Verify the server's certificate (default true)."),
          Spec.oneLine("description", "description", "", "Free text."));

  public HaproxyServerMapping() {
    super("opnsense:service:haproxy:server", "A real server behind HAProxy.");
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(SERVERS);
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return SPECS;
  }

  @Override
  protected List<String> required() {
    return List.of("address");
  }

  /** Adds the output {@code name}: as read back, else as it will be written. */
  static ObjectNode withName(
      ObjectNode outputs, String resource, Map<String, String> row, ObjectNode props) {
    outputs.put(
        "name",
        row != null && row.get("name") != null ? row.get("name") : haproxyName(resource, props));
    return outputs;
  }

  static String haproxyName(String resource, ObjectNode props) {
    String n = Props.text(props, "name");
    return n != null ? n : resource.replaceAll("[^0-9a-zA-Z._-]", "-");
  }

  @Override
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint ep, Lookups lookups) {
    fields.put("name", haproxyName(resource, props));
    fields.put("type", "static");
  }

  /** Servers a backend keeps for its short-form addresses belong to that backend. */
  @Override
  public boolean isManageable(Map<String, String> row) {
    return super.isManageable(row)
        && !row.getOrDefault("description", "").startsWith(HaproxyBackendMapping.MANAGED);
  }

  @Override
  protected Map<String, String> outputDescriptions() {
    return Map.of("uuid", "the server's UUID (what backends link)", "name", "the server name");
  }

  @Override
  public ObjectNode outputs(String resource, String id, Map<String, String> row, ObjectNode props) {
    return withName(super.outputs(resource, id, row, props), resource, row, props);
  }
}
