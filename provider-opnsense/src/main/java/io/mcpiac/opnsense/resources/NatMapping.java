package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.opnsense.client.FirewallVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code opnsense:firewall:nat} (contract 2.6), one type with a {@code kind}: {@code port-forward}
 * (default; destination NAT, {@code /api/firewall/d_nat/}, OPNsense 26.1+), {@code outbound}
 * (source NAT, {@code /api/firewall/source_nat/}; on 26.7 manual rules only act in hybrid or
 * advanced outbound NAT mode) and {@code one-to-one} ({@code /api/firewall/one_to_one/}). Changing
 * the kind replaces the rule.
 */
public final class NatMapping extends ResourceMapping {
  static final Endpoint PORT_FORWARD =
      new Endpoint("/api/firewall/d_nat/", "rule", "Rule", "searchRule", Module.FILTER);
  static final Endpoint OUTBOUND =
      new Endpoint("/api/firewall/source_nat/", "rule", "Rule", "searchRule", Module.FILTER);
  static final Endpoint ONE_TO_ONE =
      new Endpoint("/api/firewall/one_to_one/", "rule", "Rule", "searchRule", Module.FILTER);

  private static final Spec SOURCE =
      new Spec(
          "source",
          "@source",
          Spec.Kind.CSV,
          null,
          "Source address, network or alias (default any); a leading ! inverts it.",
          null);
  private static final Spec DESTINATION =
      new Spec(
          "destination",
          "@destination",
          Spec.Kind.CSV,
          null,
          "Destination address, network or alias (port forward: usually wanip; default any).",
          null);
  private static final Spec PROTOCOL =
      Spec.text("protocol", "@protocol", null, "tcp, udp, tcp/udp, … (default: tcp with ports).");
  private static final Spec DESCRIPTION_DESCR =
      Spec.description("description", "descr", "", "Free text.");
  private static final Spec DESCRIPTION =
      Spec.description("description", "description", "", "Free text.");
  private static final Spec LOG = Spec.bool("log", "log", false, "Log matching packets.");
  private static final Spec IP =
      Spec.choice(
          "ipProtocol",
          "ipprotocol",
          "inet",
          "inet (default) or inet6.",
          "inet",
          "inet6",
          "inet46");

  private static final Spec SEQUENCE =
      Spec.integer(
          "sequence",
          "sequence",
          null,
          "Evaluation order (1-999999). Default: the order of the file among this deployment's"
              + " rules of the same kind on the same interface, with gaps of 100.",
          "\"minimum\":1,\"maximum\":999999");

  private static final List<Spec> PORT_FORWARD_SPECS =
      List.of(
          SEQUENCE,
          new Spec(
              "enabled", "disabled", Spec.Kind.NOT_BOOL, "0", "Whether the rule is active.", null),
          Spec.csv("interface", "interface", "wan", "Interface(s) (default wan)."),
          IP,
          PROTOCOL,
          SOURCE,
          Spec.intOrText("sourcePort", "source.port", "", "Source port or range."),
          DESTINATION,
          Spec.intOrText("port", "destination.port", "", "Port (or range) to forward."),
          Spec.text("target", "target", null, "Internal address (or alias) to forward to."),
          Spec.intOrText("targetPort", "local-port", "", "Internal port (default: the same)."),
          Spec.choice(
              "filterRule",
              "pass",
              "",
              "Associated filter rule: pass or rule (register one); default manual.",
              "pass",
              "rule"),
          LOG,
          DESCRIPTION_DESCR);

  private static final List<Spec> OUTBOUND_SPECS =
      List.of(
          SEQUENCE,
          Spec.enabled(),
          Spec.bool("noNat", "nonat", false, "Do not translate matching traffic."),
          Spec.text("interface", "interface", "wan", "Interface (default wan)."),
          IP,
          PROTOCOL,
          SOURCE,
          Spec.intOrText("sourcePort", "source_port", "", "Source port or range."),
          DESTINATION,
          Spec.intOrText("port", "destination_port", "", "Destination port or range."),
          Spec.text("target", "target", null, "Translation address or alias (not any)."),
          Spec.intOrText("targetPort", "target_port", "", "Translation port."),
          LOG,
          DESCRIPTION);

  private static final List<Spec> ONE_TO_ONE_SPECS =
      List.of(
          SEQUENCE,
          Spec.enabled(),
          Spec.text("interface", "interface", "wan", "Interface (default wan)."),
          Spec.choice("natType", "type", "binat", "binat (default) or nat.", "binat", "nat"),
          SOURCE,
          DESTINATION,
          Spec.text("external", "external", null, "External address or subnet."),
          LOG,
          DESCRIPTION);

  public NatMapping() {
    super(
        "opnsense:firewall:nat",
        "A NAT rule: port forward (default), outbound (source NAT) or one-to-one.");
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(PORT_FORWARD, OUTBOUND, ONE_TO_ONE);
  }

  @Override
  public Endpoint endpointFor(ObjectNode props) {
    String kind = Props.text(props, "kind");
    if (kind == null || kind.equals("port-forward")) {
      return PORT_FORWARD;
    }
    return kind.equals("outbound") ? OUTBOUND : ONE_TO_ONE;
  }

  static String kindOf(Endpoint ep) {
    return ep == PORT_FORWARD ? "port-forward" : ep == OUTBOUND ? "outbound" : "one-to-one";
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return endpoint == PORT_FORWARD
        ? PORT_FORWARD_SPECS
        : endpoint == OUTBOUND ? OUTBOUND_SPECS : ONE_TO_ONE_SPECS;
  }

  @Override
  protected String extraSchema() {
    return "\"kind\":{\"enum\":[\"port-forward\",\"outbound\",\"one-to-one\"],"
        + "\"description\":\"port-forward (default), outbound or one-to-one\"}";
  }

  /** NAT rules of one kind on one interface are evaluated in the order of the file. */
  @Override
  public Map<String, ObjectNode> arrange(List<io.mcpiac.engine.providers.Placement> rules) {
    return Sequences.arrange(
        rules,
        p -> {
          List<String> iface = Props.list(p, "interface");
          return kindOf(endpointFor(p)) + "|" + (iface.isEmpty() ? "wan" : String.join(",", iface));
        });
  }

  @Override
  protected Set<String> replaceOnChange() {
    return Set.of("kind");
  }

  @Override
  public Map<String, String> validate(ObjectNode props, FirewallVersion version) {
    Endpoint ep = endpointFor(props);
    if (ep == PORT_FORWARD && version != null && !version.atLeast(26, 1)) {
      return Map.of(
          "kind", "port forwards have an API from OPNsense 26.1 on; this firewall runs " + version);
    }
    if (ep == PORT_FORWARD && !props.has("target")) {
      return Map.of("target", "a port forward needs a target");
    }
    if (ep == ONE_TO_ONE && (!props.has("external") || !props.has("source"))) {
      return Map.of("external", "a one-to-one rule needs source and external");
    }
    for (Spec s : allSpecs()) {
      if (props.has(s.property()) && !specs(ep).contains(s) && !isShared(ep, s.property())) {
        return Map.of(s.property(), "not a property of a " + kindOf(ep) + " rule");
      }
    }
    return Map.of();
  }

  private boolean isShared(Endpoint ep, String property) {
    return specs(ep).stream().anyMatch(s -> s.property().equals(property));
  }

  @Override
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint ep, Lookups lookups) {
    boolean ports = props.hasNonNull("port") || props.hasNonNull("sourcePort");
    if (ep == PORT_FORWARD) {
      String p = Addresses.protocolUpper(props, ports, "");
      fields.put("protocol", p.toLowerCase(java.util.Locale.ROOT));
      Addresses.put(fields, props, "source", "source.network", "source.not");
      Addresses.put(fields, props, "destination", "destination.network", "destination.not");
    } else if (ep == OUTBOUND) {
      fields.put("protocol", Addresses.protocolUpper(props, ports, "any"));
      Addresses.put(fields, props, "source", "source_net", "source_not");
      Addresses.put(fields, props, "destination", "destination_net", "destination_not");
    } else {
      Addresses.put(fields, props, "source", "source_net", "source_not");
      Addresses.put(fields, props, "destination", "destination_net", "destination_not");
    }
  }

  @Override
  protected void customizeProperties(
      ObjectNode props, Endpoint ep, Map<String, String> row, Lookups lookups) {
    props.put("kind", kindOf(ep));
    if (ep == PORT_FORWARD) {
      props.put("protocol", Addresses.protocolRead(row.get("protocol")));
      Addresses.read(props, row, "source", "source.network", "source.not");
      Addresses.read(props, row, "destination", "destination.network", "destination.not");
    } else {
      if (ep == OUTBOUND) {
        props.put("protocol", Addresses.protocolRead(row.get("protocol")));
      }
      Addresses.read(props, row, "source", "source_net", "source_not");
      Addresses.read(props, row, "destination", "destination_net", "destination_not");
    }
  }

  @Override
  public String propertyOf(Endpoint endpoint, String field) {
    if (field.startsWith("source.network") || field.startsWith("source_n")) {
      return "source";
    }
    if (field.startsWith("destination.network") || field.startsWith("destination_n")) {
      return "destination";
    }
    return field.equals("protocol") ? "protocol" : super.propertyOf(endpoint, field);
  }

  @Override
  public String importName(Map<String, String> row) {
    String d = firstNonEmpty(row, "descr", "description");
    String base = d.equals("object") ? "nat-" + row.get("uuid").substring(0, 8) : d;
    return base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
  }

  @Override
  public boolean validatesAgainstVersion() {
    return true;
  }
}
