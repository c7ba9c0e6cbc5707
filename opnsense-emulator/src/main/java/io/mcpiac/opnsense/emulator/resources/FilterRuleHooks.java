package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.fields.Ip;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.util.List;

/**
 * {@code M/Firewall/Filter.php}: the cross-field checks of MVC filter rules, the computed {@code
 * sort_order}/{@code prio_group}, and searchRule's {@code interface} / {@code category} filters
 * with the version-dependent default view.
 */
class FilterRuleHooks implements ResourceHooks {

  @Override
  public void validate(ItemEdit e, FieldMessages m) {
    String proto = e.value("protocol");
    boolean tcpUdp = Items.in(proto, "tcp", "udp", "tcp/udp");
    if (!e.value("source_port").isEmpty() && !tcpUdp) {
      m.add("source_port", "Source ports are only valid for tcp or udp type rules.");
    }
    if (!e.value("destination_port").isEmpty() && !tcpUdp) {
      m.add("destination_port", "Destination ports are only valid for tcp or udp type rules.");
    }
    String ipproto = e.value("ipprotocol");
    checkNet(e, m, "source_net", "Source", ipproto);
    checkNet(e, m, "destination_net", "Destination", ipproto);
    if (!e.value("icmptype").isEmpty() && !Items.in(proto, "icmp")) {
      m.add("icmptype", "Option only applies to ICMP packets");
    }
    if (!e.value("icmp6type").isEmpty() && !Items.in(proto, "ipv6-icmp")) {
      m.add("icmp6type", "Option only applies to ICMP packets");
    }
    if ("1".equals(e.value("source_not")) && Items.csv(e.value("source_net")).size() > 1) {
      m.add(
          "source_not",
          "Inverting sources is only allowed for single targets to avoid mis-interpretations");
    }
    if ("1".equals(e.value("destination_not"))
        && Items.csv(e.value("destination_net")).size() > 1) {
      m.add(
          "destination_not",
          "Inverting destinations is only allowed for single targets to avoid mis-interpretations");
    }
    if ("1".equals(e.value("interfacenot")) && Items.csv(e.value("interface")).size() > 1) {
      m.add(
          "interfacenot",
          "Inverting interfaces is only allowed for single targets to avoid mis-interpretations");
    }
    if ((!e.value("tcpflags1").isEmpty() || !e.value("tcpflags2").isEmpty())
        && !Items.in(proto, "tcp")) {
      m.add("tcpflags1", "Invalid option for other than TCP protocol choices.");
    }
    if (Items.in(e.value("statetype"), "synproxy", "modulate") && !Items.in(proto, "tcp")) {
      m.add("statetype", "Invalid option for other than TCP protocol choices.");
    }
    if (!e.value("divert-to").isEmpty() && !"pass".equals(e.value("action"))) {
      m.add("divert-to", "Divert-to is only valid for pass rules.");
    }
    if (!e.value("replyto").isEmpty() && !e.value("gateway").isEmpty()) {
      m.add("replyto", "You can not assign a reply-to destination to a rule that uses a gateway.");
    }
  }

  /** Address family and "any" combination checks of one network field. */
  static void checkNet(ItemEdit e, FieldMessages m, String field, String label, String ipproto) {
    List<String> items = Items.csv(e.value(field));
    if (items.size() > 1 && items.contains("any")) {
      m.add(field, "Any can not be combined with other aliases");
    }
    for (String item : items) {
      String fam = Ip.family(item.startsWith("!") ? item.substring(1) : item);
      if (fam != null
          && (("inet".equals(ipproto) && !fam.equals("4"))
              || ("inet6".equals(ipproto) && !fam.equals("6")))) {
        m.add(field, label + " address type should match selected TCP/IP protocol version.");
        return;
      }
    }
  }

  /** Priority group as the rule grid computes it: floating, group, interface. */
  static String prioGroup(String interfaces, ModelContext ctx) {
    List<String> ifs = Items.csv(interfaces);
    if (ifs.size() != 1) {
      return "200000";
    }
    return ctx.interfaces().containsKey(ifs.get(0)) ? "400000" : "600000";
  }

  @Override
  public void decorate(String uuid, ObjectNode item, ModelContext ctx) {
    String group = prioGroup(item.path("interface").asText(""), ctx);
    long seq = 0;
    try {
      seq = Long.parseLong(item.path("sequence").asText("0"));
    } catch (NumberFormatException ignored) {
      // an invalid stored sequence sorts first
    }
    item.put("prio_group", group);
    item.put("sort_order", String.format("%s.0%06d", group, seq));
  }

  @Override
  public boolean includeInSearch(ApiCall call, String uuid, ObjectNode item, ModelContext ctx) {
    List<String> ifs = Items.csv(item.path("interface").asText(""));
    String wanted = call.requestParam("interface");
    boolean floating = ifs.size() != 1;
    if (ctx.version().rulesUseRecordset()) {
      if (wanted != null) {
        if (wanted.isEmpty()) {
          if (!floating) {
            return false;
          }
        } else if (Items.csv(wanted).stream().noneMatch(ifs::contains)) {
          return false;
        }
      }
    } else if (wanted == null || wanted.isEmpty()) {
      // 25.7 / 26.1: without an interface only floating rules are listed
      if (!floating) {
        return false;
      }
    } else if (!(ifs.size() == 1 && ifs.get(0).equals(wanted))) {
      return false;
    }
    List<String> cats = call.requestList("category");
    return cats.isEmpty()
        || Items.csv(item.path("categories").asText("")).stream().anyMatch(cats::contains);
  }

  @Override
  public List<ObjectNode> extraRows(ApiCall call, ModelContext ctx) {
    // 26.7 lists the automatic rules next to the MVC ones; their ids are not uuids
    String wanted = call.requestParam("interface");
    if (!ctx.version().rulesUseRecordset()
        || !call.requestList("category").isEmpty()
        || (wanted != null && !Items.csv(wanted).contains("lan"))) {
      return List.of();
    }
    ObjectNode r = io.mcpiac.opnsense.emulator.api.ApiResponse.obj();
    r.put("uuid", "automatic_lan_1");
    r.put("enabled", "1");
    r.put("action", "pass");
    r.put("%action", "Pass");
    r.put("interface", "lan");
    r.put("%interface", ctx.interfaces().getOrDefault("lan", "LAN"));
    r.put("direction", "in");
    r.put("ipprotocol", "inet46");
    r.put("protocol", "TCP");
    r.put("destination_net", "lanip");
    r.put("destination_port", "443,80");
    r.put("description", "Anti-Lockout Rule");
    r.put("sort_order", "100000.0000001");
    r.put("legacy", true);
    r.put("is_automatic", true);
    return List.of(r);
  }
}
