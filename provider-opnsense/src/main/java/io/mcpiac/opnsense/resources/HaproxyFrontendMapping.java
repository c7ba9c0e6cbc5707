package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;
import java.util.Map;

/**
 * {@code opnsense:service:haproxy:frontend}: a public service of HAProxy. {@code defaultBackend}
 * takes a backend's UUID ({@code ${app-backend.uuid}}) or its name.
 */
public final class HaproxyFrontendMapping extends ResourceMapping {
  static final Endpoint FRONTENDS =
      new Endpoint(
          "/api/haproxy/settings/", "frontend", "Frontend", "searchFrontends", Module.HAPROXY);

  private static final List<Spec> SPECS =
      List.of(
          Spec.enabled(),
          Spec.text("name", "name", null, "Frontend name (default: the resource name)."),
          Spec.csv("bind", "bind", null, "Listen address(es), e.g. 0.0.0.0:443."),
          Spec.choice("mode", "mode", "http", "http (default), ssl or tcp.", "http", "ssl", "tcp"),
          Spec.text("defaultBackend", "@defaultBackend", null, "Backend UUID or name."),
          Spec.bool("ssl", "ssl_enabled", false, "Terminate TLS here."),
          Spec.csv("certificates", "ssl_certificates", "", "Certificate refids (${cert.refid})."),
          Spec.oneLine("description", "description", "", "Free text."));

  public HaproxyFrontendMapping() {
    super("opnsense:service:haproxy:frontend", "A public service (listener) of HAProxy.");
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(FRONTENDS);
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return SPECS;
  }

  @Override
  protected List<String> required() {
    return List.of("bind");
  }

  @Override
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint ep, Lookups lookups) {
    fields.put("name", HaproxyServerMapping.haproxyName(resource, props));
    String backend = Props.text(props, "defaultBackend");
    if (backend == null || backend.isEmpty()) {
      fields.put("defaultBackend", "");
    } else if (OpnsenseNames.isUuid(backend)) {
      fields.put("defaultBackend", backend);
    } else {
      String uuid = lookups.uuidWhere(HaproxyBackendMapping.BACKENDS, "name", backend);
      if (uuid == null) {
        throw new WriteFailure("defaultBackend: no HAProxy backend named " + backend);
      }
      fields.put("defaultBackend", uuid);
    }
  }

  @Override
  protected void customizeProperties(
      ObjectNode props, Endpoint ep, Map<String, String> row, Lookups lookups) {
    props.put("defaultBackend", row.getOrDefault("defaultBackend", ""));
  }

  @Override
  public JsonNode shape(
      String property, JsonNode recorded, JsonNode live, ObjectNode recordedProps, Lookups l) {
    if (property.equals("defaultBackend")
        && recorded != null
        && live != null
        && !OpnsenseNames.isUuid(recorded.asText())
        && !live.asText().isEmpty()) {
      String name = l.fieldOf(HaproxyBackendMapping.BACKENDS, live.asText(), "name");
      if (recorded.asText().equals(name)) {
        return recorded;
      }
    }
    return super.shape(property, recorded, live, recordedProps, l);
  }

  @Override
  public String propertyOf(Endpoint endpoint, String field) {
    return field.equals("defaultBackend") ? "defaultBackend" : super.propertyOf(endpoint, field);
  }

  @Override
  protected Map<String, String> outputDescriptions() {
    return Map.of(
        "uuid",
        "the frontend's UUID",
        "name",
        "the frontend name",
        "ip",
        "the address it listens on: the host of its first bind (the seed's ${haproxy.ip}, e.g."
            + " a rule's destination); 0.0.0.0 or :: when it listens on every address");
  }

  @Override
  public Map<String, String> outputsFromProperties() {
    return Map.of("name", "name", "ip", "bind");
  }

  @Override
  public ObjectNode outputs(String resource, String id, Map<String, String> row, ObjectNode props) {
    ObjectNode out =
        HaproxyServerMapping.withName(
            super.outputs(resource, id, row, props), resource, row, props);
    List<String> binds =
        row != null && row.get("bind") != null
            ? List.of(row.get("bind").split(","))
            : Props.list(props, "bind");
    if (!binds.isEmpty() && !binds.get(0).isBlank()) {
      out.put("ip", listenIp(binds.get(0)));
    }
    return out;
  }

  /** The host of a bind: {@code 203.0.113.10:443} → 203.0.113.10, {@code [2001:db8::1]:443} too. */
  static String listenIp(String bind) {
    String b = bind.trim();
    if (b.startsWith("[")) {
      int close = b.indexOf(']');
      return close > 0 ? b.substring(1, close) : b;
    }
    int colon = b.lastIndexOf(':');
    // one colon: host:port; none: a bare host; several: an IPv6 address without a port
    return colon > 0 && b.indexOf(':') == colon ? b.substring(0, colon) : b;
  }
}
