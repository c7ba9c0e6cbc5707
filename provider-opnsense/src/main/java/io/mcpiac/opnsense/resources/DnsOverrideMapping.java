package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;
import java.util.Map;

/** {@code opnsense:service:dns:override}: an Unbound host override (contract 2.8). */
public final class DnsOverrideMapping extends ResourceMapping {
  static final Endpoint HOSTS =
      new Endpoint(
          "/api/unbound/settings/", "host", "HostOverride", "searchHostOverride", Module.UNBOUND);

  private static final List<Spec> SPECS =
      List.of(
          Spec.enabled(),
          Spec.text("hostname", "hostname", "", "Host part (empty: the domain itself; * allowed)."),
          Spec.text("domain", "domain", null, "Domain, e.g. home.arpa."),
          Spec.choice("type", "rr", "A", "A (default), AAAA, MX or TXT.", "A", "AAAA", "MX", "TXT"),
          Spec.text("address", "server", "", "IP address (A/AAAA)."),
          Spec.integer("mxPriority", "mxprio", "", "MX priority.", null),
          Spec.text("mx", "mx", "", "MX host."),
          Spec.text("txt", "txtdata", "", "TXT data."),
          Spec.integer("ttl", "ttl", "", "TTL in seconds.", "\"minimum\":0"),
          Spec.description("description", "description", "", "Free text."));

  public DnsOverrideMapping() {
    super("opnsense:service:dns:override", "A DNS host override of the Unbound resolver.");
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(HOSTS);
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return SPECS;
  }

  @Override
  protected List<String> required() {
    return List.of("domain");
  }

  @Override
  protected Map<String, String> outputDescriptions() {
    return Map.of("uuid", "the override's UUID", "fqdn", "the name it answers for");
  }

  @Override
  public ObjectNode outputs(String resource, String id, Map<String, String> row, ObjectNode props) {
    ObjectNode o = super.outputs(resource, id, row, props);
    String host = Props.text(props, "hostname");
    String domain = Props.text(props, "domain");
    o.put(
        "fqdn",
        (host == null || host.isEmpty() ? "" : host + ".") + (domain == null ? "" : domain));
    return o;
  }

  @Override
  public String importName(Map<String, String> row) {
    String h = row.getOrDefault("hostname", "");
    String name = (h.isEmpty() ? "" : h + ".") + row.getOrDefault("domain", "");
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
  }
}
