package io.mcpiac.opnsense.emulator.model;

/**
 * Identifiers of the lists in the emulated config: {@code <Module.Model>:<path>}, the same spelling
 * the model tables use in {@code ModelRelationField} sources, so relations resolve directly.
 */
public final class Collections {
  public static final String FILTER_RULES = "Firewall.Filter:rules.rule";
  public static final String SNAT_RULES = "Firewall.Filter:snatrules.rule";
  public static final String ONE_TO_ONE = "Firewall.Filter:onetoone.rule";
  public static final String NPT = "Firewall.Filter:npt.rule";
  public static final String DNAT = "Firewall.DNat:rule";
  public static final String ALIASES = "Firewall.Alias:aliases.alias";
  public static final String CATEGORIES = "Firewall.Category:categories.category";
  public static final String VLANS = "Interfaces.Vlan:vlan";
  public static final String INTERFACES = "Interfaces.NetworkInterface:interface";
  public static final String HAPROXY_SERVERS = "HAProxy.HAProxy:servers.server";
  public static final String HAPROXY_BACKENDS = "HAProxy.HAProxy:backends.backend";
  public static final String HAPROXY_FRONTENDS = "HAProxy.HAProxy:frontends.frontend";
  public static final String UNBOUND_HOSTS = "Unbound.Unbound:hosts.host";
  public static final String UNBOUND_ALIASES = "Unbound.Unbound:aliases.alias";
  public static final String KEA_SUBNETS = "Kea.KeaDhcpv4:subnets.subnet4";
  public static final String KEA_RESERVATIONS = "Kea.KeaDhcpv4:reservations.reservation";
  public static final String KEA_OPTIONS = "Kea.KeaDhcpv4:options.option";
  public static final String KEA_PEERS = "Kea.KeaDhcpv4:ha_peers.peer";
  public static final String DNSMASQ_OPTIONS = "Dnsmasq.Dnsmasq:dhcp_options";
  public static final String DNSMASQ_DOMAINS = "Dnsmasq.Dnsmasq:domainoverrides";
  public static final String DNSMASQ_BOOT = "Dnsmasq.Dnsmasq:dhcp_boot";
  public static final String DNSMASQ_HOSTS = "Dnsmasq.Dnsmasq:hosts";
  public static final String DNSMASQ_RANGES = "Dnsmasq.Dnsmasq:dhcp_ranges";
  public static final String DNSMASQ_TAGS = "Dnsmasq.Dnsmasq:dhcp_tags";
  public static final String CERTS = "Trust.Cert:cert";
  public static final String CAS = "Trust.Ca:ca";
  public static final String USERS = "Auth.User:user";

  private Collections() {}
}
