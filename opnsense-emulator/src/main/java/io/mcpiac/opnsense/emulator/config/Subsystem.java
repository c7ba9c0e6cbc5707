package io.mcpiac.opnsense.emulator.config;

import io.mcpiac.opnsense.emulator.model.Collections;
import java.util.List;

/**
 * A part of the firewall that is configured by saving and made live by its own apply/reconfigure
 * call. Each keeps the configuration it last applied.
 */
public enum Subsystem {
  FILTER(
      "filter",
      List.of(
          Collections.FILTER_RULES,
          Collections.SNAT_RULES,
          Collections.ONE_TO_ONE,
          Collections.NPT,
          Collections.DNAT),
      List.of("filter")),
  ALIASES("aliases", List.of(Collections.ALIASES, Collections.CATEGORIES), List.of()),
  VLANS("vlans", List.of(Collections.VLANS), List.of()),
  INTERFACES("interfaces", List.of(Collections.INTERFACES), List.of()),
  HAPROXY(
      "haproxy",
      List.of(
          Collections.HAPROXY_SERVERS, Collections.HAPROXY_BACKENDS, Collections.HAPROXY_FRONTENDS),
      List.of("haproxy")),
  UNBOUND("unbound", List.of(Collections.UNBOUND_HOSTS, Collections.UNBOUND_ALIASES), List.of()),
  KEA(
      "kea",
      List.of(
          Collections.KEA_SUBNETS,
          Collections.KEA_RESERVATIONS,
          Collections.KEA_OPTIONS,
          Collections.KEA_PEERS),
      List.of("dhcpv4")),
  DNSMASQ(
      "dnsmasq",
      List.of(
          Collections.DNSMASQ_HOSTS,
          Collections.DNSMASQ_RANGES,
          Collections.DNSMASQ_TAGS,
          Collections.DNSMASQ_OPTIONS,
          Collections.DNSMASQ_DOMAINS,
          Collections.DNSMASQ_BOOT),
      List.of("dnsmasq")),
  /** Certificates and users take effect on save (no apply call exists). */
  TRUST_AND_USERS("trust-and-users", List.of(Collections.CERTS, Collections.USERS), List.of());

  private final String id;
  private final List<String> collections;
  private final List<String> settings;

  Subsystem(String id, List<String> collections, List<String> settings) {
    this.id = id;
    this.collections = collections;
    this.settings = settings;
  }

  public String id() {
    return id;
  }

  public List<String> collections() {
    return collections;
  }

  public List<String> settings() {
    return settings;
  }

  public boolean appliesOnSave() {
    return this == TRUST_AND_USERS;
  }

  public static Subsystem ofCollection(String collectionId) {
    for (Subsystem s : values()) {
      if (s.collections.contains(collectionId)) {
        return s;
      }
    }
    return null;
  }
}
