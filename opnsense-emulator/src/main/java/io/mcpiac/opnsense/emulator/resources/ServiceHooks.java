package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.api.SearchAction;
import io.mcpiac.opnsense.emulator.fields.Ip;
import io.mcpiac.opnsense.emulator.messages.Message;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import io.mcpiac.opnsense.emulator.model.SystemEnvironment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Model hooks of the service plugins: Unbound host overrides, Kea DHCPv4, dnsmasq. */
final class ServiceHooks {
  private ServiceHooks() {}

  /**
   * Unbound host overrides: the volatile {@code aliases} field reflects (and writes through to) the
   * host's entries in {@code aliases.alias}; search rows carry {@code isAlias} and the aliases as
   * {@code _children}.
   */
  static final class UnboundHost implements ResourceHooks {
    private final ItemModel aliasModel;

    UnboundHost(ItemModel aliasModel) {
      this.aliasModel = aliasModel;
    }

    @Override
    public void decorate(String uuid, ObjectNode item, ModelContext ctx) {
      List<String> names = new ArrayList<>();
      for (Map.Entry<String, JsonNode> a : ctx.config().items(Collections.UNBOUND_ALIASES)) {
        if (a.getValue().path("host").asText().equals(uuid)) {
          String h = a.getValue().path("hostname").asText("");
          String d = a.getValue().path("domain").asText("");
          names.add(h.isEmpty() ? d : d.isEmpty() ? h : h + "." + d);
        }
      }
      if (ctx.version().atLeast(26, 7, 0)) {
        item.put("aliases", String.join(",", names));
      } else {
        item.put("aliascount", String.valueOf(names.size()));
      }
    }

    @Override
    public void afterStore(ItemEdit e) {
      if (!e.ctx().version().atLeast(26, 7, 0)) {
        // 26.1 has no write-through aliases field
        return;
      }
      String wanted = e.value("aliases");
      ObjectNode list = e.config().collection(Collections.UNBOUND_ALIASES);
      Iterator<Map.Entry<String, JsonNode>> it = list.properties().iterator();
      while (it.hasNext()) {
        if (it.next().getValue().path("host").asText().equals(e.uuid())) {
          it.remove();
        }
      }
      for (String fqdn : Items.csv(wanted)) {
        if (fqdn.isBlank()) {
          continue;
        }
        int dot = fqdn.indexOf('.');
        ObjectNode a = list.putObject(java.util.UUID.randomUUID().toString());
        a.put("enabled", "1");
        a.put("host", e.uuid());
        a.put("hostname", dot < 0 ? fqdn : fqdn.substring(0, dot));
        a.put("domain", dot < 0 ? "" : fqdn.substring(dot + 1));
        a.put("description", "");
      }
    }

    @Override
    public void afterDelete(String uuid, ObjectNode item, ModelContext ctx) {
      Iterator<Map.Entry<String, JsonNode>> it =
          ctx.config().collection(Collections.UNBOUND_ALIASES).properties().iterator();
      while (it.hasNext()) {
        if (it.next().getValue().path("host").asText().equals(uuid)) {
          it.remove();
        }
      }
    }

    @Override
    public void adjustRow(ObjectNode row, ObjectNode item, ModelContext ctx) {
      row.put("isAlias", false);
      if (ctx.version().describesInGet()) {
        ArrayNode children = row.putArray("_children");
        String uuid = row.path("uuid").asText();
        for (Map.Entry<String, JsonNode> a : ctx.config().items(Collections.UNBOUND_ALIASES)) {
          if (a.getValue().path("host").asText().equals(uuid)) {
            ObjectNode child =
                SearchAction.row(aliasModel, a.getKey(), (ObjectNode) a.getValue(), ctx);
            child.put("isAlias", true);
            children.add(child);
          }
        }
      }
    }
  }

  /** Kea subnets: option data collected from the firewall's own address in the subnet. */
  static final class KeaSubnet implements ResourceHooks {
    @Override
    public void beforeStore(ItemEdit e) {
      if (!"1".equals(e.value("option_data_autocollect"))) {
        return;
      }
      for (String cidr : SystemEnvironment.INTERFACE_ADDRESSES.values()) {
        String own = cidr.substring(0, cidr.indexOf('/'));
        if (Ip.contains(e.value("subnet"), own)) {
          e.put("option_data.routers", own);
          e.put("option_data.domain_name_servers", own);
          e.put("option_data.ntp_servers", own);
        }
      }
    }
    // no pool-in-subnet check: KeaPoolsField::checkSubnet is only called for DHCPv6
  }

  /** {@code KeaDhcpv4::performValidation}: the address in the subnet; MAC or client id. */
  static final class KeaReservation implements ResourceHooks {
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      ObjectNode subnet = e.config().item(Collections.KEA_SUBNETS, e.value("subnet"));
      String cidr = subnet == null ? "" : subnet.path("subnet").asText("");
      // Util::isIPInCIDR: an empty address or an unknown subnet fails too
      if (!Ip.contains(cidr, e.value("ip_address"))) {
        m.add("ip_address", Message.KEA_NOT_IN_SUBNET);
      }
      boolean mac = !e.value("hw_address").isEmpty();
      boolean cid = !e.value("client_id").isEmpty();
      if (mac && cid) {
        m.add("hw_address", Message.KEA_MAC_AND_CLIENT_ID);
      } else if (!mac && !cid) {
        m.add("hw_address", Message.KEA_MAC_OR_CLIENT_ID);
      }
    }
  }

  /** {@code Dnsmasq::performValidation} for hosts: DHCP hosts versus host overrides. */
  static final class DnsmasqHost implements ResourceHooks {
    private static boolean isDhcp(JsonNode host) {
      return !host.path("hwaddr").asText("").isEmpty()
          || !host.path("client_id").asText("").isEmpty();
    }

    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      java.util.Map<String, Integer> dhcpIps = new java.util.HashMap<>();
      java.util.Set<String> fqdns = new java.util.HashSet<>();
      java.util.Map<String, Integer> cnames = new java.util.HashMap<>();
      List<JsonNode> all = new ArrayList<>();
      for (Map.Entry<String, JsonNode> h : e.config().items(Collections.DNSMASQ_HOSTS)) {
        if (!h.getKey().equals(e.uuid())) {
          all.add(h.getValue());
        }
      }
      all.add(e.item());
      for (JsonNode h : all) {
        if (isDhcp(h)) {
          for (String ip : Items.csv(h.path("ip").asText(""))) {
            dhcpIps.merge(ip, 1, Integer::sum);
          }
        }
        String host = h.path("host").asText("");
        if (!host.isEmpty()) {
          String domain = h.path("domain").asText("");
          fqdns.add(domain.isEmpty() ? host : host + "." + domain);
        }
        for (String c : Items.csv(h.path("cnames").asText(""))) {
          cnames.merge(c, 1, Integer::sum);
        }
      }
      List<String> ips = Items.csv(e.value("ip"));
      if (isDhcp(e.item())) {
        int v4 = 0;
        for (String ip : ips) {
          v4 += ip.contains(":") ? 0 : 1;
          if (!ip.startsWith("::") && dhcpIps.getOrDefault(ip, 0) > 1) {
            m.add("ip", Message.DNSMASQ_DUPLICATE_IP, ip);
          }
        }
        if (v4 > 1) {
          m.add("ip", Message.DNSMASQ_SINGLE_V4);
        }
        if (e.value("host").isEmpty() && ips.isEmpty()) {
          m.add("host", Message.DNSMASQ_HOST_OR_IP);
          m.add("ip", Message.DNSMASQ_HOST_OR_IP);
        }
        if ("*".equals(e.value("host"))) {
          m.add("host", Message.DNSMASQ_WILDCARD);
        }
      } else if (e.value("host").isEmpty() || ips.isEmpty()) {
        m.add("host", Message.DNSMASQ_OVERRIDE_NEEDS_BOTH);
        m.add("ip", Message.DNSMASQ_OVERRIDE_NEEDS_BOTH);
      }
      for (String c : Items.csv(e.value("cnames"))) {
        if (cnames.getOrDefault(c, 0) > 1) {
          m.add("cnames", Message.DNSMASQ_CNAME_IN_USE, c);
        }
        if (fqdns.contains(c)) {
          m.add("cnames", Message.DNSMASQ_CNAME_OVERLAP, c);
        }
      }
    }
  }

  /** {@code Dnsmasq::performValidation} for DHCP ranges. */
  static final class DnsmasqRange implements ResourceHooks {
    private static final List<java.util.Set<String>> RA_COMBINATIONS =
        List.of(
            java.util.Set.of("ra-names", "slaac"),
            java.util.Set.of("ra-names", "ra-stateless"),
            java.util.Set.of("slaac", "ra-stateless"),
            java.util.Set.of("ra-names", "slaac", "ra-stateless"));

    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      String start = e.value("start_addr");
      String end = e.value("end_addr");
      String startInet = start.contains(":") ? "inet6" : "inet";
      String endInet = end.contains(":") ? "inet6" : "inet";
      String domain = e.value("domain");
      if (!domain.isEmpty()) {
        if ("range".equals(e.value("domain_type")) && end.isEmpty()) {
          m.add("end_addr", Message.DNSMASQ_DOMAIN_RANGE);
        }
        if ("interface".equals(e.value("domain_type")) && e.value("interface").isEmpty()) {
          m.add("interface", Message.DNSMASQ_DOMAIN_INTERFACE);
        }
        java.util.Set<String> types = new java.util.HashSet<>();
        types.add(e.value("domain_type"));
        for (Map.Entry<String, JsonNode> r : e.config().items(Collections.DNSMASQ_RANGES)) {
          if (!r.getKey().equals(e.uuid()) && domain.equals(r.getValue().path("domain").asText())) {
            types.add(r.getValue().path("domain_type").asText(""));
          }
        }
        if (types.contains("interface") && types.contains("range")) {
          m.add("domain", Message.DNSMASQ_DOMAIN_BOTH_TYPES, domain);
        }
      }
      if (!startInet.equals(endInet) && !end.isEmpty()) {
        m.add("end_addr", Message.DNSMASQ_FAMILY);
      }
      if (!e.value("constructor").isEmpty()) {
        if ("inet".equals(startInet)) {
          m.add("constructor", Message.DNSMASQ_CONSTRUCTOR_V6);
        }
        if (!start.startsWith("::")) {
          m.add("start_addr", Message.DNSMASQ_CONSTRUCTOR_PARTIAL);
        }
        if (!end.isEmpty() && !end.startsWith("::")) {
          m.add("end_addr", Message.DNSMASQ_CONSTRUCTOR_PARTIAL);
        }
      } else if (start.startsWith("::") || end.startsWith("::")) {
        m.add("start_addr", Message.DNSMASQ_PARTIAL_NEEDS_CONSTRUCTOR);
      }
      if (!e.value("prefix_len").isEmpty() && !"inet6".equals(startInet)) {
        m.add("prefix_len", Message.DNSMASQ_PREFIX_V6);
      }
      boolean isStatic = Items.csv(e.value("mode")).contains("static");
      if (!end.isEmpty() && isStatic) {
        m.add("end_addr", Message.DNSMASQ_STATIC_START_ONLY);
      } else if (end.isEmpty() && !isStatic && "inet".equals(startInet)) {
        m.add("end_addr", Message.DNSMASQ_END_REQUIRED);
      }
      if (!e.value("subnet_mask").isEmpty() && isStatic) {
        m.add("subnet_mask", Message.DNSMASQ_STATIC_START_ONLY);
      }
      List<String> ra = Items.csv(e.value("ra_mode"));
      if (e.value("interface").isEmpty() && !ra.isEmpty()) {
        m.add("interface", Message.DNSMASQ_RA_INTERFACE);
      }
      if (!ra.isEmpty() && !e.value("prefix_len").isEmpty()) {
        try {
          if (Double.parseDouble(e.value("prefix_len")) < 64) {
            m.add("prefix_len", Message.DNSMASQ_RA_PREFIX);
          }
        } catch (NumberFormatException ignored) {
          // the field's own check answers
        }
      }
      if (ra.size() > 1 && !RA_COMBINATIONS.contains(new java.util.HashSet<>(ra))) {
        m.add("ra_mode", Message.DNSMASQ_RA_COMBINATION);
      }
    }

    @Override
    public boolean includeInSearch(ApiCall call, String uuid, ObjectNode item, ModelContext ctx) {
      List<String> tags = call.requestList("tags");
      return tags.isEmpty()
          || tags.contains(item.path("interface").asText(""))
          || tags.contains(item.path("set_tag").asText(""));
    }
  }

  /** {@code Dnsmasq::performValidation} for DHCP options. */
  static final class DnsmasqOption implements ResourceHooks {
    private static final List<String> V4_OPTIONS =
        List.of("3", "4", "5", "6", "7", "8", "9", "10", "11");
    private static final List<String> V6_OPTIONS = List.of("22", "23", "31", "34");

    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      String option = e.value("option");
      String option6 = e.value("option6");
      if (!option.isEmpty() && !option6.isEmpty()) {
        m.add("option", Message.DNSMASQ_OPTION_BOTH);
      }
      if (option.isEmpty() && option6.isEmpty()) {
        m.add("option", Message.DNSMASQ_OPTION_NONE);
      }
      if ("match".equals(e.value("type")) && e.value("set_tag").isEmpty()) {
        m.add("set_tag", Message.DNSMASQ_MATCH_TAG);
      }
      String value = e.value("value");
      if (value.isEmpty()) {
        return;
      }
      List<String> values = new ArrayList<>();
      for (String v : value.trim().split("\\s*,\\s*")) {
        if (!v.isEmpty()) {
          values.add(v);
        }
      }
      if (!Message.DNSMASQ_OPTION_V4.existsIn(e.ctx().version())) {
        // ≤26.1.2: only the brackets, for any DHCPv6 option
        if (!option6.isEmpty()) {
          for (String v : values) {
            if (Ip.isV6(strip(v.trim())) && !bracketed(v.trim())) {
              m.add("value", Message.DNSMASQ_OPTION_BRACKETS);
            }
          }
        }
        return;
      }
      if (V4_OPTIONS.contains(option) && values.stream().anyMatch(v -> !Ip.isV4(v))) {
        m.add("value", Message.DNSMASQ_OPTION_V4);
      }
      if (V6_OPTIONS.contains(option6)) {
        for (String v : values) {
          if (!Ip.isV6(strip(v))) {
            m.add("value", Message.DNSMASQ_OPTION_V6);
            break;
          } else if (!bracketed(v)) {
            m.add("value", Message.DNSMASQ_OPTION_BRACKETS);
            break;
          }
        }
      }
    }

    private static String strip(String v) {
      return v.replaceAll("^\\[+|\\]+$", "");
    }

    private static boolean bracketed(String v) {
      return v.startsWith("[") && v.endsWith("]");
    }
  }

  /** {@code Dnsmasq::performValidation} for domain overrides. */
  static final class DnsmasqDomain implements ResourceHooks {
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      if ("*".equals(e.value("domain")) && !e.value("ipset").isEmpty()) {
        m.add("domain", Message.DNSMASQ_IPSET_WILDCARD);
      }
    }
  }
}
