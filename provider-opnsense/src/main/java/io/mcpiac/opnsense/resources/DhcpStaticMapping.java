package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code opnsense:service:dhcp:static}: a DHCP reservation. Kea (default): {@code subnet} is the
 * Kea subnet's UUID ({@code ${lan-range.uuid}}) or its CIDR. dnsmasq: a host entry.
 */
public final class DhcpStaticMapping extends ResourceMapping {
  static final Endpoint KEA_RESERVATIONS =
      new Endpoint(
          "/api/kea/dhcpv4/", "reservation", "Reservation", "searchReservation", Module.KEA);
  static final Endpoint DNSMASQ_HOSTS =
      new Endpoint("/api/dnsmasq/settings/", "host", "Host", "searchHost", Module.DNSMASQ);

  private static final List<Spec> KEA =
      List.of(
          Spec.text("subnet", "@subnet", null, "Kea subnet: its UUID or CIDR."),
          Spec.text("ip", "ip_address", null, "The reserved address."),
          Spec.text("mac", "hw_address", "", "The client's MAC address."),
          Spec.text("hostname", "hostname", "", "Host name handed out."),
          Spec.description("description", "description", "", "Free text."));

  private static final List<Spec> DNSMASQ =
      List.of(
          Spec.text("ip", "ip", null, "The reserved address."),
          Spec.text("mac", "hwaddr", "", "The client's MAC address."),
          Spec.text("hostname", "host", "", "Host name."),
          Spec.text("domain", "domain", "", "Domain (dnsmasq)."),
          Spec.description("description", "descr", "", "Free text."));

  public DhcpStaticMapping() {
    super("opnsense:service:dhcp:static", "A static DHCP mapping (reservation): Kea or dnsmasq.");
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(KEA_RESERVATIONS, DNSMASQ_HOSTS);
  }

  @Override
  public Endpoint endpointFor(ObjectNode props) {
    return "dnsmasq".equals(Props.text(props, "server")) ? DNSMASQ_HOSTS : KEA_RESERVATIONS;
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return endpoint == KEA_RESERVATIONS ? KEA : DNSMASQ;
  }

  @Override
  protected String extraSchema() {
    return "\"server\":{\"enum\":[\"kea\",\"dnsmasq\"],\"description\":\"kea (default) or dnsmasq\"}";
  }

  @Override
  protected List<String> required() {
    return List.of("ip");
  }

  @Override
  protected Set<String> replaceOnChange() {
    return Set.of("server");
  }

  @Override
  protected boolean createBeforeDestroy() {
    return false;
  }

  @Override
  public Map<String, String> validate(
      ObjectNode props, io.mcpiac.opnsense.client.FirewallVersion v) {
    if (endpointFor(props) == KEA_RESERVATIONS && !props.has("subnet")) {
      return Map.of("subnet", "a Kea reservation needs its subnet (UUID or CIDR)");
    }
    return Map.of();
  }

  @Override
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint ep, Lookups lookups) {
    if (ep == KEA_RESERVATIONS) {
      String subnet = Props.text(props, "subnet");
      if (subnet != null && !OpnsenseNames.isUuid(subnet)) {
        String uuid = lookups.uuidWhere(DhcpRangeMapping.KEA_SUBNETS, "subnet", subnet);
        if (uuid == null) {
          throw new WriteFailure("subnet: no Kea subnet " + subnet + " on the firewall");
        }
        subnet = uuid;
      }
      fields.put("subnet", subnet == null ? "" : subnet);
    }
  }

  @Override
  protected void customizeProperties(
      ObjectNode props, Endpoint ep, Map<String, String> row, Lookups lookups) {
    props.put("server", ep == KEA_RESERVATIONS ? "kea" : "dnsmasq");
    if (ep == KEA_RESERVATIONS) {
      props.put("subnet", row.getOrDefault("subnet", ""));
    }
  }

  @Override
  public JsonNode shape(
      String property, JsonNode recorded, JsonNode live, ObjectNode recordedProps, Lookups l) {
    if (property.equals("subnet")
        && recorded != null
        && live != null
        && !OpnsenseNames.isUuid(recorded.asText())) {
      String cidr = l.fieldOf(DhcpRangeMapping.KEA_SUBNETS, live.asText(), "subnet");
      if (recorded.asText().equals(cidr)) {
        return recorded;
      }
    }
    return super.shape(property, recorded, live, recordedProps, l);
  }

  @Override
  public String propertyOf(Endpoint endpoint, String field) {
    return field.equals("subnet") ? "subnet" : super.propertyOf(endpoint, field);
  }

  @Override
  public String importName(Map<String, String> row) {
    String base =
        firstNonEmpty(row, "hostname", "host", "description", "descr", "ip_address", "ip");
    return base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
  }
}
