package io.mcpiac.opnsense.resources;

/**
 * A part of OPNsense that is activated as a whole after its configuration changed: writes only
 * touch config.xml, the module's apply/reconfigure call makes the running system follow. Declared
 * in the order a batch activates them (aliases before the rules that use them, VLAN devices before
 * their assignment).
 */
public enum Module {
  ALIASES("/api/firewall/alias/reconfigure"),
  VLANS("/api/interfaces/vlan_settings/reconfigure"),
  INTERFACES("/api/interfaces/assignment/reconfigure"),
  /** Filter rules and every kind of NAT: one firewall reload covers them all. */
  FILTER("/api/firewall/filter/apply"),
  HAPROXY("/api/haproxy/service/reconfigure"),
  UNBOUND("/api/unbound/service/reconfigure"),
  KEA("/api/kea/service/reconfigure"),
  DNSMASQ("/api/dnsmasq/service/reconfigure"),
  /** Certificates and users: nothing to activate (users are synced on save). */
  NONE(null);

  private final String applyPath;

  Module(String applyPath) {
    this.applyPath = applyPath;
  }

  /** The POST that activates the module's saved configuration; null when none is needed. */
  public String applyPath() {
    return applyPath;
  }
}
