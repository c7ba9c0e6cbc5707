package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.api.UserException;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import io.mcpiac.opnsense.emulator.model.SystemEnvironment;
import java.util.Map;

/**
 * {@code VlanSettingsController} and {@code M/Interfaces/Vlan.php}: automatic {@code vlan0N} device
 * names (prefix {@code qinq} on a VLAN parent), device name rules, assigned VLANs keep their tag
 * and name, and deletes refused while assigned or used as a QinQ parent.
 */
class VlanHooks implements ResourceHooks {

  @Override
  public void afterInput(ItemEdit e) {
    if (!e.value("vlanif").isEmpty()) {
      return;
    }
    boolean qinq = isVlanDevice(e.config(), e.value("if"));
    String prefix = qinq ? "qinq" : "vlan";
    int highest = 0;
    for (Map.Entry<String, JsonNode> v : e.config().items(Collections.VLANS)) {
      String dev = v.getValue().path("vlanif").asText();
      if (dev.matches("^(vlan|qinq)0[0-9]+$")) {
        highest = Math.max(highest, Integer.parseInt(dev.substring(5)));
      }
    }
    e.put("vlanif", prefix + "0" + (highest + 1));
  }

  static boolean isVlanDevice(Config config, String device) {
    for (Map.Entry<String, JsonNode> v : config.items(Collections.VLANS)) {
      if (v.getValue().path("vlanif").asText().equals(device)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void validate(ItemEdit e, FieldMessages m) {
    String dev = e.value("vlanif");
    String parent = e.value("if");
    boolean legacy = dev.equals(parent + "_vlan" + e.value("tag"));
    if (!dev.isEmpty() && !legacy) {
      if (!dev.startsWith("vlan") && !dev.startsWith("qinq")) {
        m.add("vlanif", "The device name prefix \"vlan\" is required.");
      } else if (!dev.matches("^(vlan|qinq)0[0-9.]{1,10}$")) {
        m.add(
            "vlanif",
            "Only a maximum of 15 characters is allowed starting with \"vlan0\" combined with"
                + " numeric characters and dots, e.g. \"vlan0.1.104\".");
      }
    }
    if (!dev.isEmpty() && dev.equals(parent)) {
      m.add("if", "VLAN can not be assigned to itself.");
    }
    if (e.before() != null) {
      String oldDev = e.before().path("vlanif").asText();
      if (SystemEnvironment.assignedTo(e.config(), oldDev) != null) {
        if (e.changed("tag")) {
          m.add("tag", "Interface is assigned and you cannot change the VLAN tag while assigned.");
        }
        if (e.changed("vlanif")) {
          m.add(
              "vlanif",
              "Interface is assigned and you cannot change the device name while assigned.");
        }
      }
    }
  }

  @Override
  public void beforeDelete(String uuid, ObjectNode item, ModelContext ctx) {
    String dev = item.path("vlanif").asText();
    for (Map.Entry<String, JsonNode> v : ctx.config().items(Collections.VLANS)) {
      if (v.getValue().path("if").asText().equals(dev)) {
        throw new UserException(
            "This VLAN cannot be deleted because it is used in QinQ interfaces.", null);
      }
    }
    if (SystemEnvironment.assignedTo(ctx.config(), dev) != null) {
      throw new UserException(
          "This VLAN cannot be deleted because it is assigned as an interface.", null);
    }
  }

  @Override
  public void adjustRow(ObjectNode row, ObjectNode item, ModelContext ctx) {
    String dev = item.path("vlanif").asText();
    String assigned = SystemEnvironment.assignedTo(ctx.config(), dev);
    if (assigned != null) {
      row.put("vlanif", dev + " [" + ctx.interfaces().get(assigned) + "]");
    }
  }
}
