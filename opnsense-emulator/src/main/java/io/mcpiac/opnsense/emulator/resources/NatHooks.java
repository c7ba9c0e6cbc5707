package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.fields.Ip;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The NAT models: port forward ({@code DNat.php}), source NAT, one-to-one and NPTv6 checks. */
final class NatHooks {
  private NatHooks() {}

  static boolean tcpUdp(String proto) {
    return Items.in(proto, "tcp", "udp", "tcp/udp");
  }

  static boolean familyMismatch(String value, String ipproto) {
    String fam = Ip.family(value.startsWith("!") ? value.substring(1) : value);
    return fam != null
        && (("inet".equals(ipproto) && !fam.equals("4"))
            || ("inet6".equals(ipproto) && !fam.equals("6")));
  }

  /** Port forward: ports need TCP/UDP, families must match, no target with "No RDR". */
  static final class PortForward implements ResourceHooks {
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      String proto = e.value("protocol");
      for (String f : new String[] {"source.port", "destination.port", "local-port"}) {
        if (!e.value(f).isEmpty() && !tcpUdp(proto)) {
          m.add(f, "Ports are only valid for TCP or UDP type rules.");
        }
      }
      String ipproto = e.value("ipprotocol");
      for (String f : new String[] {"source.network", "destination.network", "target"}) {
        if (familyMismatch(e.value(f), ipproto)) {
          m.add(f, "Address type should match selected TCP/IP protocol version.");
        }
      }
      if ("1".equals(e.value("nordr"))) {
        if (!e.value("target").isEmpty()) {
          m.add("target", "Target must be empty when No RDR is set.");
        }
        if (!e.value("local-port").isEmpty()) {
          m.add("local-port", "Port must be empty when No RDR is set.");
        }
      }
    }

    /** The controller stamps {@code created} once and {@code updated} on every save. */
    @Override
    public void beforeStore(ItemEdit e) {
      String user = e.call().revisionUser();
      String time = new BigDecimal(System.currentTimeMillis()).movePointLeft(3).toPlainString();
      String descr = e.call().revisionDescription();
      ObjectNode created = e.item().putObject("created");
      if (e.before() != null && e.before().get("created") instanceof ObjectNode old) {
        created.setAll(old);
      } else {
        created.put("username", user).put("time", time).put("description", descr);
      }
      e.item()
          .putObject("updated")
          .put("username", user)
          .put("time", time)
          .put("description", descr);
    }

    @Override
    public void decorate(String uuid, ObjectNode item, ModelContext ctx) {
      Map<String, String> byName = new java.util.HashMap<>();
      for (Map.Entry<String, JsonNode> c : ctx.config().items(Collections.CATEGORIES)) {
        byName.put(c.getValue().path("name").asText(), c.getKey());
      }
      List<String> uuids = new ArrayList<>();
      for (String name : Items.csv(item.path("category").asText(""))) {
        if (byName.containsKey(name)) {
          uuids.add(byName.get(name));
        }
      }
      item.put("categories", String.join(",", uuids));
    }

    /** The anti-lockout pseudo rule heads every page and is not counted. */
    @Override
    public List<ObjectNode> leadingRows(ApiCall call, ModelContext ctx) {
      ObjectNode r = ApiResponse.obj();
      r.put("uuid", "lockout_0");
      r.put("is_automatic", true);
      r.put("disabled", "0");
      r.put("interface", "lan");
      r.put("%interface", ctx.interfaces().getOrDefault("lan", "LAN"));
      r.put("protocol", "tcp");
      r.put("destination.network", "lanip");
      r.put("destination.port", "443,80");
      r.put("descr", "Anti-Lockout Rule");
      return List.of(r);
    }
  }

  /** Source NAT: no "any" target; 26.7 search follows the outbound NAT mode. */
  static final class SourceNat implements ResourceHooks {
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      String proto = e.value("protocol");
      if (!e.value("source_port").isEmpty() && !tcpUdp(proto)) {
        m.add("source_port", "Source ports are only valid for tcp or udp type rules.");
      }
      if (!e.value("destination_port").isEmpty() && !tcpUdp(proto)) {
        m.add("destination_port", "Destination ports are only valid for tcp or udp type rules.");
      }
      if (!e.value("target_port").isEmpty() && !tcpUdp(proto)) {
        m.add("target_port", "Target ports are only valid for tcp or udp type rules.");
      }
      String ipproto = e.value("ipprotocol");
      FilterRuleHooks.checkNet(e, m, "source_net", "Source", ipproto);
      FilterRuleHooks.checkNet(e, m, "destination_net", "Destination", ipproto);
      if ("any".equals(e.value("target"))) {
        m.add("target", "Target address cannot be any.");
      } else if (familyMismatch(e.value("target"), ipproto)) {
        m.add("target", "Target address type should match selected TCP/IP protocol version.");
      }
    }

    @Override
    public void decorate(String uuid, ObjectNode item, ModelContext ctx) {
      new FilterRuleHooks().decorate(uuid, item, ctx);
    }

    static String mode(ModelContext ctx) {
      String m = ctx.config().settings("filter").path("general").path("snat_mode").asText("");
      return m.isEmpty() ? "automatic" : m;
    }

    @Override
    public boolean includeInSearch(ApiCall call, String uuid, ObjectNode item, ModelContext ctx) {
      return !ctx.version().hasSnatMode() || Items.in(mode(ctx), "hybrid", "advanced");
    }

    @Override
    public List<ObjectNode> extraRows(ApiCall call, ModelContext ctx) {
      if (!ctx.version().hasSnatMode() || !Items.in(mode(ctx), "automatic", "hybrid")) {
        return List.of();
      }
      List<ObjectNode> rows = new ArrayList<>();
      for (String id : new String[] {"automatic_wan", "automatic_isakmp_wan"}) {
        ObjectNode r = ApiResponse.obj();
        r.put("uuid", id);
        r.put("enabled", "1");
        r.put("interface", "wan");
        r.put("%interface", ctx.interfaces().getOrDefault("wan", "WAN"));
        r.put("ipprotocol", "inet");
        r.put("source_net", "lan");
        r.put("target", "wanip");
        if (id.contains("isakmp")) {
          r.put("protocol", "UDP");
          r.put("source_port", "500");
          r.put("staticnatport", "1");
        }
        r.put(
            "description",
            id.contains("isakmp") ? "Auto created rule for ISAKMP" : "Auto created rule");
        r.put("is_automatic", true);
        rows.add(r);
      }
      return rows;
    }
  }

  /** One-to-one: BINAT needs addresses or subnets of the same size and family. */
  static final class OneToOne implements ResourceHooks {
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      String src = e.value("source_net");
      String ext = e.value("external");
      if ("binat".equals(e.value("type"))
          && !src.isEmpty()
          && !Ip.isAddress(src)
          && !Ip.isCidr(src)) {
        m.add("source_net", "For BINAT rules only addresses or subnets are allowed.");
        return;
      }
      String fs = Ip.family(src);
      String fe = ext.isEmpty() ? null : Ip.family(ext);
      if (fs != null && fe != null && !fs.equals(fe)) {
        m.add("external", "IP protocol families should match.");
      } else if ("binat".equals(e.value("type"))
          && fs != null
          && fe != null
          && prefix(src) != prefix(ext)) {
        m.add("external", "External subnet should match internal subnet.");
      }
    }

    private static int prefix(String v) {
      if (v.contains("/")) {
        return Integer.parseInt(v.substring(v.indexOf('/') + 1));
      }
      return Ip.isV4(v) ? 32 : 128;
    }

    @Override
    public void decorate(String uuid, ObjectNode item, ModelContext ctx) {
      new FilterRuleHooks().decorate(uuid, item, ctx);
    }
  }

  /** NPTv6: sort order like the other firewall rules. */
  static final class Npt implements ResourceHooks {
    @Override
    public void decorate(String uuid, ObjectNode item, ModelContext ctx) {
      new FilterRuleHooks().decorate(uuid, item, ctx);
    }
  }
}
