package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.api.SearchAction;
import io.mcpiac.opnsense.emulator.fields.Ip;
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
      if (ctx.version() == VersionProfile.V26_7) {
        item.put("aliases", String.join(",", names));
      } else {
        item.put("aliascount", String.valueOf(names.size()));
      }
    }

    @Override
    public void afterStore(ItemEdit e) {
      if (e.ctx().version() != VersionProfile.V26_7) {
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
    public void validate(ItemEdit e, FieldMessages m) {
      String server = e.value("server");
      if (!server.isEmpty() && Ip.isAddress(server)) {
        if ("A".equals(e.value("rr")) && !Ip.isV4(server)) {
          m.add("server", "A record requires an IPv4 address.");
        } else if ("AAAA".equals(e.value("rr")) && !Ip.isV6(server)) {
          m.add("server", "AAAA record requires an IPv6 address.");
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

    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      String subnet = e.value("subnet");
      if (!Ip.isCidr(subnet)) {
        return;
      }
      for (String pool : e.value("pools").split("\n")) {
        String p = pool.trim();
        if (p.isEmpty()) {
          continue;
        }
        String first =
            p.contains("-")
                ? p.substring(0, p.indexOf('-')).trim()
                : p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
        String last = p.contains("-") ? p.substring(p.indexOf('-') + 1).trim() : first;
        if (Ip.isV4(first)
            && Ip.isV4(last)
            && !(Ip.contains(subnet, first) && Ip.contains(subnet, last))) {
          m.add("pools", "Pool " + p + " not in subnet " + subnet);
        }
      }
    }
  }

  /** Kea reservations: the address must lie in the chosen subnet; MAC or client id, not both. */
  static final class KeaReservation implements ResourceHooks {
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      ObjectNode subnet = e.config().item(Collections.KEA_SUBNETS, e.value("subnet"));
      String ip = e.value("ip_address");
      if (subnet != null
          && !ip.isEmpty()
          && Ip.isV4(ip)
          && !Ip.contains(subnet.path("subnet").asText(), ip)) {
        m.add("ip_address", "Address not in specified subnet");
      }
      boolean mac = !e.value("hw_address").isEmpty();
      boolean cid = !e.value("client_id").isEmpty();
      if (e.ctx().version() == VersionProfile.V26_7 && mac == cid) {
        m.add("hw_address", "Either a client ID or a MAC address should be specified.");
      }
    }
  }

  /** dnsmasq hosts: reservation rules and MAC uniqueness across hosts. */
  static final class DnsmasqHost implements ResourceHooks {
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      List<String> macs = Items.csv(e.value("hwaddr"));
      List<String> ips = Items.csv(e.value("ip"));
      if (!macs.isEmpty() || !e.value("client_id").isEmpty()) {
        if (e.value("host").isEmpty() && ips.isEmpty()) {
          m.add(
              "host", "At least a hostname or IP address must be provided for DHCP reservations.");
        }
        if (ips.stream().filter(Ip::isV4).count() > 1) {
          m.add("ip", "For IPv4 dhcp reservations, only a single address is allowed.");
        }
      }
      for (Map.Entry<String, JsonNode> other : e.config().items(Collections.DNSMASQ_HOSTS)) {
        if (other.getKey().equals(e.uuid())) {
          continue;
        }
        List<String> theirs = Items.csv(other.getValue().path("hwaddr").asText("").toLowerCase());
        for (String mac : macs) {
          if (theirs.contains(mac.toLowerCase())) {
            m.add("hwaddr", "'" + mac + "' is already used in another DHCP host entry.");
          }
        }
      }
    }
  }

  /** dnsmasq ranges: both ends of one family, IPv4 ranges need an end address. */
  static final class DnsmasqRange implements ResourceHooks {
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      String start = e.value("start_addr");
      String end = e.value("end_addr");
      if (!Ip.isAddress(start)) {
        return;
      }
      if (end.isEmpty() && Ip.isV4(start)) {
        m.add("end_addr", "An end address is required for IPv4 ranges.");
      } else if (Ip.isAddress(end) && !Ip.family(start).equals(Ip.family(end))) {
        m.add("end_addr", "Start and end address must be of the same address family.");
      } else if (Ip.isV4(start)
          && Ip.isV4(end)
          && Ip.toNumber(start).compareTo(Ip.toNumber(end)) > 0) {
        m.add("end_addr", "The end address must be higher than the start address.");
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
}
