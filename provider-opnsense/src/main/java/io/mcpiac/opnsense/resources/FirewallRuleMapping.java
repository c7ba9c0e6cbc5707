package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;
import java.util.Map;

/**
 * {@code opnsense:firewall:rule}: an MVC filter rule ({@code /api/firewall/filter/}, contract 2.1).
 * The seed's {@code source}, {@code destination}, {@code port}, {@code action}; {@code protocol}
 * defaults to {@code tcp} when a port is given.
 */
public final class FirewallRuleMapping extends ResourceMapping {
  static final Endpoint RULES =
      new Endpoint("/api/firewall/filter/", "rule", "Rule", "searchRule", Module.FILTER);

  private static final List<Spec> SPECS =
      List.of(
          Spec.enabled(),
          Spec.choice(
              "action",
              "action",
              "pass",
              "pass (default), block or reject.",
              "pass",
              "block",
              "reject"),
          Spec.csv(
              "interface",
              "interface",
              "",
              "Interface(s) the rule is on (lan, wan, opt1…); none = floating."),
          Spec.choice(
              "direction", "direction", "in", "in (default), out or any.", "in", "out", "any"),
          Spec.choice(
              "ipProtocol",
              "ipprotocol",
              "inet",
              "inet (IPv4, default), inet6 or inet46 (both).",
              "inet",
              "inet6",
              "inet46"),
          Spec.text(
              "protocol",
              "@protocol",
              null,
              "any, tcp, udp, tcp/udp, icmp, … (default: tcp when a port is given, else any)."),
          new Spec(
              "source",
              "@source",
              Spec.Kind.CSV,
              null,
              "any (default), an address, a CIDR, an alias or an interface network (lan);"
                  + " a leading ! inverts it.",
              null),
          Spec.intOrText(
              "sourcePort", "source_port", "", "Source port, range (a-b) or port alias."),
          new Spec(
              "destination",
              "@destination",
              Spec.Kind.CSV,
              null,
              "any (default), an address, a CIDR, an alias, (self), lanip…; a leading ! inverts it.",
              null),
          Spec.intOrText(
              "port", "destination_port", "", "Destination port, range (a-b), name or port alias."),
          Spec.bool("log", "log", false, "Log packets that match."),
          Spec.bool("quick", "quick", true, "Stop at the first match (default true)."),
          Spec.integer(
              "sequence",
              "sequence",
              null,
              "Evaluation order (1-999999). Default: the order of the file among this"
                  + " deployment's rules on the same interface, with gaps of 100.",
              "\"minimum\":1,\"maximum\":999999"),
          Spec.text("gateway", "gateway", "", "Policy-routing gateway."),
          Spec.description("description", "description", "", "Free text."));

  public FirewallRuleMapping() {
    super("opnsense:firewall:rule", "A firewall filter rule (Firewall ▸ Rules).");
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(RULES);
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return SPECS;
  }

  /** Rules on one interface (or floating) are evaluated in the order of the file. */
  @Override
  public Map<String, ObjectNode> arrange(List<io.mcpiac.engine.providers.Placement> rules) {
    return Sequences.arrange(rules, p -> String.join(",", Props.list(p, "interface")));
  }

  @Override
  protected void customizeFields(
      String resource, ObjectNode fields, ObjectNode props, Endpoint ep, Lookups lookups) {
    boolean ports = props.hasNonNull("port") || props.hasNonNull("sourcePort");
    fields.put("protocol", Addresses.protocolUpper(props, ports, "any"));
    Addresses.put(fields, props, "source", "source_net", "source_not");
    Addresses.put(fields, props, "destination", "destination_net", "destination_not");
  }

  @Override
  protected void customizeProperties(
      ObjectNode props, Endpoint ep, Map<String, String> row, Lookups lookups) {
    props.put("protocol", Addresses.protocolRead(row.get("protocol")));
    Addresses.read(props, row, "source", "source_net", "source_not");
    Addresses.read(props, row, "destination", "destination_net", "destination_not");
  }

  @Override
  public String propertyOf(Endpoint endpoint, String field) {
    return switch (field) {
      case "source_net", "source_not" -> "source";
      case "destination_net", "destination_not" -> "destination";
      case "protocol" -> "protocol";
      default -> super.propertyOf(endpoint, field);
    };
  }

  @Override
  public String importName(Map<String, String> row) {
    String d = row.getOrDefault("description", "");
    String base = d.isBlank() ? "rule-" + row.get("uuid").substring(0, 8) : d;
    return base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
  }
}
