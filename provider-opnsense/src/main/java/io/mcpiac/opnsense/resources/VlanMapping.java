package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.List;
import java.util.Map;

/**
 * {@code opnsense:network:vlan} ({@code /api/interfaces/vlan_settings/}, contract 2.4): the seed's
 * {@code tag} and {@code interface} (the parent device, e.g. {@code igb1}). The device name ({@code
 * vlan01}) is chosen by the firewall unless given, and is the output {@code device}.
 */
public final class VlanMapping extends ResourceMapping {
  static final Endpoint VLANS =
      new Endpoint("/api/interfaces/vlan_settings/", "vlan", "Item", "searchItem", Module.VLANS);

  private static final List<Spec> SPECS =
      List.of(
          Spec.text(
              "interface", "if", null, "Parent device (igb1, vtnet0, … — a device, not lan)."),
          Spec.integer("tag", "tag", null, "VLAN tag, 1-4094.", "\"minimum\":1,\"maximum\":4094"),
          Spec.integer(
              "priority", "pcp", "0", "802.1p priority (PCP), 0-7.", "\"minimum\":0,\"maximum\":7"),
          Spec.choice(
              "protocol",
              "proto",
              "",
              "802.1q or 802.1ad (default: automatic).",
              "802.1q",
              "802.1ad"),
          Spec.text(
              "device",
              "vlanif",
              null,
              "Device name (vlan0…, qinq0…); chosen by the firewall when not given."),
          Spec.description("description", "descr", "", "Free text."));

  public VlanMapping() {
    super("opnsense:network:vlan", "A VLAN device on a parent interface.");
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(VLANS);
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return SPECS;
  }

  @Override
  protected List<String> required() {
    return List.of("interface", "tag");
  }

  @Override
  protected boolean createBeforeDestroy() {
    return false;
  }

  @Override
  protected Map<String, String> outputDescriptions() {
    return Map.of("uuid", "the VLAN's UUID", "device", "the VLAN device name, e.g. vlan01");
  }

  /** Search rows show an assigned VLAN's device as {@code "vlan01 [Servers]"}. */
  static String device(String vlanif) {
    if (vlanif == null) {
      return null;
    }
    int bracket = vlanif.indexOf(" [");
    return bracket < 0 ? vlanif : vlanif.substring(0, bracket);
  }

  @Override
  protected void customizeProperties(
      ObjectNode props, Endpoint ep, Map<String, String> row, Lookups lookups) {
    if (row.get("vlanif") != null) {
      props.put("device", device(row.get("vlanif")));
    }
  }

  @Override
  public boolean outputsNeedRow() {
    return true;
  }

  @Override
  public ObjectNode outputs(String resource, String id, Map<String, String> row, ObjectNode props) {
    ObjectNode o = super.outputs(resource, id, row, props);
    String dev = row == null ? Props.text(props, "device") : device(row.get("vlanif"));
    if (dev != null) {
      o.put("device", dev);
    }
    return o;
  }

  @Override
  public String importName(Map<String, String> row) {
    String d = row.getOrDefault("descr", "");
    return d.isBlank()
        ? "vlan-" + row.getOrDefault("tag", "x")
        : d.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
  }
}
