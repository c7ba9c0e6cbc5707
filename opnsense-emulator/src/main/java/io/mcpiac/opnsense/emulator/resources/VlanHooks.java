package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.api.UserException;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.messages.Message;
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

  /** What was posted in the wrapper (the controller reads the request, not the merged item). */
  private static String posted(ItemEdit e, String key) {
    com.fasterxml.jackson.databind.JsonNode body = e.call().post("vlan");
    com.fasterxml.jackson.databind.JsonNode v = body == null ? null : body.get(key);
    return v == null || v.isContainerNode() || v.isNull() ? "" : v.asText();
  }

  static String prefix(String parent) {
    return parent.contains("vlan") ? "qinq" : "vlan";
  }

  /** {@code VlanSettingsController::generateVlanIfName}: the overlay of add and set. */
  @Override
  public void afterInput(ItemEdit e) {
    String postedIf = posted(e, "if");
    String prefix = prefix(postedIf);
    String wanted = posted(e, "vlanif");
    String current = e.before() == null ? null : e.before().path("vlanif").asText("");
    String name;
    if (!wanted.isEmpty()) {
      name = wanted;
    } else if (current != null && current.equals(postedIf + "_vlan" + posted(e, "tag"))) {
      name = current;
    } else if (current != null && !current.contains("_vlan") && current.startsWith(prefix)) {
      name = current;
    } else {
      int highest = 0;
      for (Map.Entry<String, JsonNode> v : e.config().items(Collections.VLANS)) {
        String dev = v.getValue().path("vlanif").asText();
        if (dev.matches("^" + prefix + "[0-9]+$")) {
          highest = Math.max(highest, Integer.parseInt(dev.substring(prefix.length())));
        }
      }
      // intentionally a "0" between prefix and number
      name = prefix + "0" + (highest + 1);
    }
    e.put("vlanif", name);
  }

  static boolean isVlanDevice(Config config, String device) {
    for (Map.Entry<String, JsonNode> v : config.items(Collections.VLANS)) {
      if (v.getValue().path("vlanif").asText().equals(device)) {
        return true;
      }
    }
    return false;
  }

  /** {@code Vlan::performValidation}, then the refusals of {@code setItemAction}. */
  @Override
  public void validate(ItemEdit e, FieldMessages m) {
    String dev = e.value("vlanif");
    String parent = e.value("if");
    String prefix = prefix(parent);
    String previous = e.before() == null ? "" : e.before().path("vlanif").asText("");
    for (String field : new String[] {"vlanif", "if"}) {
      if (!e.isNew() && !e.changed(field)) {
        continue;
      }
      if ("vlanif".equals(field)) {
        if (dev.equals(parent + "_vlan" + e.value("tag"))) {
          continue; // legacy device name: accepted, and "if" is not checked from here
        } else if (!dev.startsWith(prefix)) {
          m.add(field, Message.VLAN_PREFIX, prefix);
        } else if (!dev.matches("^" + prefix + "0[0-9.]{1,10}$")) {
          m.add(field, Message.VLAN_NAME_FORMAT, prefix, prefix);
        }
      }
      if (parent.equals(dev) || previous.equals(parent)) {
        m.add(field, Message.VLAN_SELF);
      }
    }
    if (e.before() != null && !previous.equals(dev)) {
      if (isParent(e.config(), previous)) {
        m.add("vlanif", Message.VLAN_QINQ_PARENT);
      } else if (SystemEnvironment.assignedTo(e.config(), previous) != null) {
        if (!posted(e, "tag").equals(e.before().path("tag").asText(""))) {
          m.add("tag", Message.VLAN_ASSIGNED_TAG);
        } else {
          m.add("vlanif", Message.VLAN_ASSIGNED_NAME);
        }
      }
    }
  }

  private static boolean isParent(Config config, String device) {
    for (Map.Entry<String, JsonNode> v : config.items(Collections.VLANS)) {
      if (v.getValue().path("if").asText().equals(device)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void beforeDelete(String uuid, ObjectNode item, ModelContext ctx) {
    String dev = item.path("vlanif").asText();
    for (Map.Entry<String, JsonNode> v : ctx.config().items(Collections.VLANS)) {
      if (v.getValue().path("if").asText().equals(dev)) {
        throw new UserException(Message.VLAN_QINQ_PARENT.text(), "");
      }
    }
    if (SystemEnvironment.assignedTo(ctx.config(), dev) != null) {
      throw new UserException(Message.VLAN_ASSIGNED_DELETE.text(), "");
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
