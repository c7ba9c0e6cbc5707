package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.opnsense.client.FirewallVersion;
import java.util.List;
import java.util.Map;

/**
 * {@code opnsense:network:interface}: assigns a device (typically a VLAN, {@code
 * ${app-network.device}}) to an interface ({@code optN}) through the assignment API of OPNsense
 * 26.7 (contract 2.5). Older firewalls have no API for this; plans say so.
 *
 * <p>The firewall picks the identifier ({@code optN}), so a create cannot use a chosen UUID; it is
 * made idempotent differently: a device can be assigned only once, so a create first looks for an
 * assignment of its device and adopts it (an earlier create whose answer was lost).
 */
public final class InterfaceMapping extends ResourceMapping {
  static final Endpoint ASSIGNMENTS =
      new Endpoint(
          "/api/interfaces/assignment/", "interface", "Item", "searchItem", Module.INTERFACES);

  private static final List<Spec> SPECS =
      List.of(
          Spec.text("device", "if", null, "The device to assign (vlan01, igb2, …)."),
          Spec.text(
              "description", "descr", "", "Interface name shown in the GUI (letters, digits, _)."),
          Spec.bool(
              "locked", "lock", false, "Protect the assignment from removal (default false)."));

  public InterfaceMapping() {
    super(
        "opnsense:network:interface",
        "An interface assignment (a device as lan/optN); OPNsense 26.7 or later.");
  }

  @Override
  public List<Endpoint> endpoints() {
    return List.of(ASSIGNMENTS);
  }

  @Override
  protected List<Spec> specs(Endpoint endpoint) {
    return SPECS;
  }

  @Override
  protected List<String> required() {
    return List.of("device");
  }

  @Override
  protected boolean createBeforeDestroy() {
    return false;
  }

  @Override
  protected Map<String, String> outputDescriptions() {
    return Map.of(
        "uuid", "the interface identifier (optN), the key OPNsense uses for it",
        "identifier", "the interface identifier (optN) rules use as their interface",
        "device", "the assigned device");
  }

  @Override
  public Map<String, String> validate(ObjectNode props, FirewallVersion version) {
    if (version != null && !version.hasAssignmentApi()) {
      return Map.of(
          "",
          "not supported by this firewall version: interface assignment has an API from OPNsense"
              + " 26.7 on; this firewall runs "
              + version
              + " (assign the interface in the GUI)");
    }
    return Map.of();
  }

  @Override
  public String create(Writer w, Endpoint ep, String id, String resource, ObjectNode props) {
    String device = Props.text(props, "device");
    w.lookups().invalidate(ep);
    String existing = w.lookups().uuidWhere(ep, "if", device);
    ObjectNode fields = toFields(resource, props, ep, w.lookups());
    if (existing != null) {
      w.set(this, ep, existing, fields);
      return existing;
    }
    WriteFailure addFailed = null;
    try {
      w.add(this, ep, fields);
    } catch (WriteFailure e) {
      addFailed = e; // the answer may be lost while the assignment was made: look for it
    }
    w.lookups().invalidate(ep);
    String created = w.lookups().uuidWhere(ep, "if", device);
    if (created == null) {
      throw addFailed != null
          ? addFailed
          : new WriteFailure("the assignment of " + device + " was saved but cannot be found");
    }
    return created;
  }

  @Override
  public void delete(Writer w, Endpoint ep, String id, String resource, ObjectNode prior) {
    if (prior != null && Props.bool(prior, "locked", false)) {
      ObjectNode unlock = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      unlock.put("lock", "0");
      w.set(this, ep, id, unlock);
    }
    w.del(ep, id);
  }

  @Override
  public Map<String, String> match(
      String id, ObjectNode recordedProps, List<Map<String, String>> rows) {
    for (Map<String, String> row : rows) {
      if (id != null && (id.equals(row.get("uuid")) || id.equals(row.get("identifier")))) {
        return row;
      }
    }
    String device = Props.text(recordedProps, "device");
    for (Map<String, String> row : rows) {
      if (device != null && device.equals(row.get("if"))) {
        return row;
      }
    }
    return null;
  }

  @Override
  public boolean isManageable(Map<String, String> row) {
    String id = row.getOrDefault("uuid", "");
    return id.startsWith("opt");
  }

  @Override
  public boolean outputsNeedRow() {
    return true;
  }

  @Override
  public ObjectNode outputs(String resource, String id, Map<String, String> row, ObjectNode props) {
    ObjectNode o = super.outputs(resource, id, row, props);
    o.put("identifier", id);
    o.put(
        "device",
        row != null && row.get("if") != null ? row.get("if") : Props.text(props, "device"));
    return o;
  }

  @Override
  public String importName(Map<String, String> row) {
    String d = row.getOrDefault("descr", "");
    return (d.isBlank() ? row.getOrDefault("uuid", "interface") : d)
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9_.-]+", "-");
  }

  @Override
  public boolean validatesAgainstVersion() {
    return true;
  }
}
