package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code opnsense:service:dhcp:range} (contract 2.9): with {@code server: kea} (default) a Kea
 * DHCPv4 subnet with one pool {@code start}-{@code end}; with {@code server: dnsmasq} a dnsmasq
 * DHCP range (OPNsense 25.7+). Reservations reference the Kea subnet by {@code ${range.uuid}}.
 */
public final class DhcpRangeMapping extends ResourceMapping {
  static final Endpoint KEA_SUBNETS =
      new Endpoint("/api/kea/dhcpv4/", "subnet4", "Subnet", "searchSubnet", Module.KEA);
  static final Endpoint DNSMASQ_RANGES =
      new Endpoint("/api/dnsmasq/settings/", "range", "Range", "searchRange", Module.DNSMASQ);

  private static final Spec START =
      Spec.text("start", "@start", null, "First address of the pool.");
  private static final Spec END = Spec.text("end", "@end", null, "Last address of the pool.");
  private static final Spec DESCRIPTION =
      Spec.description("description", "description", "", "Free text.");

  private static final List<Spec> KEA =
      List.of(
          Spec.text("subnet", "subnet", null, "The subnet, e.g. 192.168.10.0/24 (Kea)."),
          START,
          END,
          Spec.text(
              "gateway", "option_data.routers", "", "Router handed out (default: the firewall)."),
          Spec.csv("dnsServers", "option_data.domain_name_servers", "", "DNS servers handed out."),
          Spec.text("domainName", "option_data.domain_name", "", "Domain name handed out."),
          DESCRIPTION);

  private static final List<Spec> DNSMASQ =
      List.of(
          Spec.text("interface", "interface", "", "Interface (dnsmasq; empty = any)."),
          START,
          END,
          Spec.integer(
              "leaseTime", "lease_time", "", "Lease time in seconds (dnsmasq).", "\"minimum\":0"),
          Spec.text("domain", "domain", "", "Domain (dnsmasq)."),
          DESCRIPTION);

  /** Kea hands out the firewall's own address for router and DNS when these are left empty. */
  @Override
  protected java.util.Set<String> computedWhenAbsent() {
    return java.util.Set.of("gateway", "dnsServers");
  }

  public DhcpRangeMapping() {
    super(
        "opnsense:service:dhcp:range", "A DHCP range: a Kea subnet and pool, or a dnsmasq range.");
  }

  @Override
  protected Set<String> nativeSecrets() {
    return Set.of("ddns_domain_key_secret"); // the TSIG key (Kea)
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(KEA_SUBNETS, DNSMASQ_RANGES);
  }

  @Override
  public Endpoint endpointFor(ObjectNode props) {
    return "dnsmasq".equals(Props.text(props, "server")) ? DNSMASQ_RANGES : KEA_SUBNETS;
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return endpoint == KEA_SUBNETS ? KEA : DNSMASQ;
  }

  @Override
  protected String extraSchema() {
    return "\"server\":{\"enum\":[\"kea\",\"dnsmasq\"],\"description\":\"kea (default) or dnsmasq\"}";
  }

  @Override
  protected List<String> required() {
    return List.of("start");
  }

  @Override
  protected Set<String> replaceOnChange() {
    return Set.of("server", "subnet");
  }

  @Override
  protected boolean createBeforeDestroy() {
    return false;
  }

  @Override
  public Map<String, String> validate(
      ObjectNode props, io.mcpiac.opnsense.client.FirewallVersion v) {
    if (endpointFor(props) == KEA_SUBNETS && (!props.has("subnet") || !props.has("end"))) {
      return Map.of("subnet", "a Kea range needs subnet, start and end");
    }
    return Map.of();
  }

  @Override
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint ep, Lookups lookups) {
    String start = Props.text(props, "start");
    String end = Props.text(props, "end");
    if (ep == KEA_SUBNETS) {
      fields.put("pools", start + "-" + end);
      boolean explicit = props.hasNonNull("gateway") || props.hasNonNull("dnsServers");
      fields.put("option_data_autocollect", explicit ? "0" : "1");
    } else {
      fields.put("start_addr", start);
      fields.put("end_addr", end == null ? "" : end);
    }
  }

  @Override
  protected void customizeProperties(
      ObjectNode props, Endpoint ep, Map<String, String> row, Lookups lookups) {
    props.put("server", ep == KEA_SUBNETS ? "kea" : "dnsmasq");
    if (ep == KEA_SUBNETS) {
      String pool = row.getOrDefault("pools", "").split("\n")[0];
      int dash = pool.indexOf('-');
      if (dash > 0) {
        props.put("start", pool.substring(0, dash).trim());
        props.put("end", pool.substring(dash + 1).trim());
      }
    } else {
      props.put("start", row.getOrDefault("start_addr", ""));
      props.put("end", row.getOrDefault("end_addr", ""));
    }
  }

  @Override
  public String propertyOf(Endpoint endpoint, String field) {
    return switch (field) {
      case "pools", "start_addr" -> "start";
      case "end_addr" -> "end";
      default -> super.propertyOf(endpoint, field);
    };
  }

  @Override
  public String importName(Map<String, String> row) {
    String base = firstNonEmpty(row, "description", "subnet", "start_addr");
    return base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
  }
}
