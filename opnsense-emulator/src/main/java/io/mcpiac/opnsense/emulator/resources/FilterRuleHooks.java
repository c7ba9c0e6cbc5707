package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.fields.Ip;
import io.mcpiac.opnsense.emulator.messages.Message;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.util.List;

/**
 * {@code M/Firewall/Filter.php}: the cross-field checks of MVC filter rules, the computed {@code
 * sort_order}/{@code prio_group}, and searchRule's {@code interface} / {@code category} filters
 * with the version-dependent default view.
 */
class FilterRuleHooks implements ResourceHooks {

  private static final List<String> PORT_PROTOCOLS = List.of("TCP", "UDP", "TCP/UDP");

  private static final List<String> TCP_ONLY_FIELDS =
      List.of(
          "statetimeout",
          "max-src-conn",
          "tcpflags1",
          "tcpflags2",
          "tcpflags_any",
          "max-src-conn-rate",
          "max-src-conn-rates",
          "overload");

  private static final List<String> STATEFUL_FIELDS =
      List.of(
          "statetimeout",
          "max",
          "max-src-states",
          "max-src-nodes",
          "adaptivestart",
          "adaptiveend",
          "max-src-conn");

  /**
   * The checks {@code Filter::performValidation} makes on MVC filter rules and source NAT rules
   * (the latter have a {@code target}), in its order.
   */
  @Override
  public void validate(ItemEdit e, FieldMessages m) {
    validateRule(e, m);
  }

  static void validateRule(ItemEdit e, FieldMessages m) {
    String proto = e.value("protocol");
    boolean portProto = PORT_PROTOCOLS.contains(proto);
    if (!e.value("source_port").isEmpty() && !portProto) {
      m.add("source_port", Message.RULE_SOURCE_PORTS);
    }
    if (!e.value("destination_port").isEmpty() && !portProto) {
      m.add("destination_port", Message.RULE_DESTINATION_PORTS);
    }
    String ipproto = e.value("ipprotocol");
    if (familyDiffers(e.value("destination_net"), ipproto)) {
      m.add("destination_net", Message.RULE_DESTINATION_FAMILY);
    }
    if (familyDiffers(e.value("source_net"), ipproto)) {
      m.add("source_net", Message.RULE_SOURCE_FAMILY);
    }
    for (String f : List.of("source_net", "destination_net")) {
      if (e.value(f).contains(",") && Items.csv(e.value(f)).contains("any")) {
        m.add(f, Message.RULE_ANY_COMBINED);
      }
    }
    if (e.item().has("icmptype") && !e.value("icmptype").isEmpty() && !"ICMP".equals(proto)) {
      m.add("icmptype", Message.RULE_ICMP_ONLY);
    }
    if (e.item().has("icmp6type")
        && !e.value("icmp6type").isEmpty()
        && !"IPV6-ICMP".equals(proto)) {
      m.add("icmp6type", Message.RULE_ICMP6_ONLY);
    }
    if (e.value("source_net").contains(",") && "1".equals(e.value("source_not"))) {
      m.add("source_not", Message.RULE_INVERT_SOURCES);
    }
    if (e.value("destination_net").contains(",") && "1".equals(e.value("destination_not"))) {
      // the source files it under destination_net, not destination_not
      m.add("destination_net", Message.RULE_INVERT_DESTINATIONS);
    }
    if (phpTrue(e.value("interfacenot"))
        && (e.value("interface").split(",", -1).length != 1 || e.value("interface").isEmpty())) {
      m.add("interfacenot", Message.RULE_INVERT_INTERFACES);
    }
    if (!List.of("TCP", "TCP/UDP").contains(proto)) {
      for (String f : TCP_ONLY_FIELDS) {
        if (phpTrue(e.value(f))) {
          m.add(f, Message.RULE_TCP_ONLY);
        }
      }
    }
    if (e.item().has("target")) {
      String target = e.value("target");
      if ("any".equals(target)) {
        m.add("target", Message.SNAT_TARGET_ANY);
      }
      if (familyDiffers(target, ipproto)) {
        m.add("target", Message.SNAT_TARGET_FAMILY);
      }
      if (!e.value("target_port").isEmpty() && !portProto) {
        m.add("target_port", Message.SNAT_TARGET_PORTS);
      }
    } else {
      filterOnly(e, m);
    }
  }

  private static void filterOnly(ItemEdit e, FieldMessages m) {
    String start = e.value("adaptivestart");
    String end = e.value("adaptiveend");
    String max = e.value("max");
    if (!phpTrue(max) && ("0".equals(start) || "0".equals(end))) {
      m.add("max", Message.RULE_ADAPTIVE_NEEDS_MAX);
    } else if ("0".equals(start) ^ "0".equals(end)) {
      m.add("adaptivestart", Message.RULE_ADAPTIVE_TOGETHER_DISABLED);
    } else if (phpTrue(start) ^ phpTrue(end)) {
      m.add("adaptivestart", Message.RULE_ADAPTIVE_TOGETHER);
    } else if (!max.isEmpty() && !end.isEmpty() && asInt(max) > asInt(end)) {
      m.add("adaptiveend", Message.RULE_ADAPTIVE_END_MAX);
    } else if (!start.isEmpty() && !end.isEmpty() && asInt(start) > asInt(end)) {
      m.add("adaptiveend", Message.RULE_ADAPTIVE_END_START);
    }
    if ("none".equals(e.value("statetype"))) {
      for (String f : STATEFUL_FIELDS) {
        if (phpTrue(e.value(f))) {
          m.add(f, Message.RULE_STATE_NONE);
        }
      }
    }
    if (phpTrue(e.value("max-src-conn-rate")) ^ phpTrue(e.value("max-src-conn-rates"))) {
      String f = phpTrue(e.value("max-src-conn-rate")) ? "max-src-conn-rates" : "max-src-conn-rate";
      m.add(f, Message.RULE_CONN_RATE_BOTH);
    }
    if (phpTrue(e.value("tcpflags1")) && !phpTrue(e.value("tcpflags2"))) {
      m.add("tcpflags2", Message.RULE_TCPFLAGS_OUT_OF);
    }
    if (!e.value("tcpflags1").isEmpty()
        && !e.value("tcpflags2").isEmpty()
        && !e.value("tcpflags_any").isEmpty()
        && !"0".equals(e.value("tcpflags_any"))) {
      m.add("tcpflags_any", Message.RULE_TCPFLAGS_ANY);
    }
    if (e.value("set-prio").isEmpty() && !e.value("set-prio-low").isEmpty()) {
      m.add("set-prio-low", Message.RULE_PRIO_LOW);
    }
    if (!e.value("shaper2").isEmpty() && e.value("shaper1").isEmpty()) {
      m.add("shaper2", Message.RULE_SHAPER_REVERSE);
    }
    if (!e.value("divert-to").isEmpty() && !"pass".equals(e.value("action"))) {
      m.add("divert-to", Message.RULE_DIVERT_PASS);
    }
    if (!e.value("gateway").isEmpty() && !e.value("replyto").isEmpty()) {
      m.add("replyto", Message.RULE_REPLYTO_GATEWAY);
    }
  }

  /** PHP's {@code !empty($string)}: neither "" nor "0". */
  static boolean phpTrue(String v) {
    return !v.isEmpty() && !"0".equals(v);
  }

  private static long asInt(String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException ex) {
      return 0;
    }
  }

  /**
   * {@code Util::isSubnet($v) || Util::isIpAddress($v)} on the whole value (a comma list is never
   * an address), then the family by ':' against {@code ipprotocol} — inet46 never matches.
   */
  static boolean familyDiffers(String value, String ipproto) {
    if (!Ip.isCidr(value) && !Ip.isAddress(value)) {
      return false;
    }
    String family = value.contains(":") ? "inet6" : "inet";
    return !family.equals(ipproto);
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

  /**
   * The interfaces searchRule filters on: null = every rule; empty = the floating view. 26.1.0 (and
   * 25.7) treated an absent parameter like an empty one; 26.1.1+ lists every rule without it
   * ({@code FilterController::searchRuleAction}, {@code $this->request->has('interface')}).
   */
  static List<String> wantedInterfaces(ApiCall call, ModelContext ctx) {
    String wanted = call.requestParam("interface");
    if (wanted == null) {
      return ctx.version().ruleViewWithoutInterface()
              == io.mcpiac.opnsense.emulator.VersionProfile.RuleView.FLOATING
          ? List.of()
          : null;
    }
    return Items.csv(wanted).stream().filter(s -> !s.isEmpty()).toList();
  }

  private static boolean showAll(ApiCall call) {
    String v = call.requestParam("show_all");
    return v != null && !v.isEmpty() && !"0".equals(v);
  }

  @Override
  public boolean includeInSearch(ApiCall call, String uuid, ObjectNode item, ModelContext ctx) {
    List<String> cats = call.requestList("category");
    boolean isCat =
        cats.isEmpty()
            || Items.csv(item.path("categories").asText("")).stream().anyMatch(cats::contains);
    List<String> wanted = wantedInterfaces(call, ctx);
    if (wanted == null) {
      return isCat;
    }
    List<String> ifs = Items.csv(item.path("interface").asText(""));
    boolean inverted = "1".equals(item.path("interfacenot").asText());
    boolean intersects = ifs.stream().anyMatch(wanted::contains) != inverted;
    boolean isIf;
    if (wanted.isEmpty()) {
      isIf = ifs.size() != 1 || inverted;
    } else if (showAll(call)) {
      isIf = intersects || ifs.isEmpty();
    } else if (inverted) {
      isIf = false;
    } else {
      // only an exact match, not a partial overlap
      isIf = intersects && wanted.size() == ifs.size();
    }
    return isCat && isIf;
  }

  @Override
  public List<ObjectNode> extraRows(ApiCall call, ModelContext ctx) {
    // automatic (and legacy) rules: always since 26.1.10, before only with show_all=1
    List<String> wanted = wantedInterfaces(call, ctx);
    boolean listed =
        ctx.version().ruleViewWithoutInterface()
                == io.mcpiac.opnsense.emulator.VersionProfile.RuleView.ALL
            || showAll(call);
    if (!listed
        || !call.requestList("category").isEmpty()
        || (wanted != null && !wanted.contains("lan"))) {
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
