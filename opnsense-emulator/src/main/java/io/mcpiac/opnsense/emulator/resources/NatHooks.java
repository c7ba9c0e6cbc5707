package io.mcpiac.opnsense.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.api.ApiCall;
import io.mcpiac.opnsense.emulator.api.ApiResponse;
import io.mcpiac.opnsense.emulator.api.ItemEdit;
import io.mcpiac.opnsense.emulator.api.ResourceHooks;
import io.mcpiac.opnsense.emulator.fields.Ip;
import io.mcpiac.opnsense.emulator.messages.Message;
import io.mcpiac.opnsense.emulator.model.Collections;
import io.mcpiac.opnsense.emulator.model.ModelContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The NAT models: port forward ({@code DNat.php}), source NAT, one-to-one and NPTv6 checks. */
final class NatHooks {
  private NatHooks() {}

  /** Port forward: ports need TCP/UDP, families must match, no target with "No RDR". */
  static final class PortForward implements ResourceHooks {
    /** {@code DNat::performValidation} (protocols lower-case here). */
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      boolean portProto = List.of("tcp", "udp", "tcp/udp").contains(e.value("protocol"));
      for (String f : new String[] {"source.port", "destination.port", "local-port"}) {
        if (!e.value(f).isEmpty() && !portProto) {
          m.add(f, Message.DNAT_PORTS);
        }
      }
      String ipproto = e.value("ipprotocol");
      for (String f : new String[] {"source.network", "destination.network", "target"}) {
        if (List.of("inet", "inet6").contains(ipproto)
            && FilterRuleHooks.familyDiffers(e.value(f), ipproto)) {
          m.add(f, Message.DNAT_FAMILY);
        }
      }
      if (FilterRuleHooks.phpTrue(e.value("nordr"))) {
        if (!e.value("target").isEmpty()) {
          m.add("target", Message.DNAT_TARGET_NORDR);
        }
        if (!e.value("local-port").isEmpty()) {
          m.add("local-port", Message.DNAT_PORT_NORDR);
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
    /** The same {@code Filter::performValidation} loop as filter rules, target branch. */
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      FilterRuleHooks.validateRule(e, m);
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
    /** {@code Filter::performValidation}, the "1 to 1 mappings" loop. */
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      Map<String, String> protos = new java.util.LinkedHashMap<>();
      Map<String, String> subnets = new java.util.HashMap<>();
      for (String f : List.of("source_net", "destination_net", "external")) {
        String v = e.value(f);
        if (Ip.isCidr(v) || Ip.isAddress(v)) {
          String family = v.contains(":") ? "inet6" : "inet";
          protos.put(f, family);
          String[] parts = (v + "/" + ("inet".equals(family) ? "32" : "128")).split("/");
          subnets.put(f, parts[1]);
        }
      }
      if (new java.util.HashSet<>(protos.values()).size() > 1) {
        for (String f : protos.keySet()) {
          m.add(f, Message.BINAT_FAMILIES);
        }
      }
      if ("binat".equals(e.value("type")) && FilterRuleHooks.phpTrue(e.value("enabled"))) {
        // disabled binat rules skip these, to ease migration
        if (!protos.containsKey("source_net")) {
          m.add("source_net", Message.BINAT_ADDRESSES);
        } else if (!java.util.Objects.equals(subnets.get("external"), subnets.get("source_net"))) {
          m.add("external", Message.BINAT_SUBNETS);
        }
      }
    }

    @Override
    public void decorate(String uuid, ObjectNode item, ModelContext ctx) {
      new FilterRuleHooks().decorate(uuid, item, ctx);
    }
  }

  /** NPTv6: {@code Filter::performValidation}'s npt loop; sort order like the other rules. */
  static final class Npt implements ResourceHooks {
    @Override
    public void validate(ItemEdit e, FieldMessages m) {
      String trackif = e.value("trackif");
      String dst = e.value("destination_net");
      if (!trackif.isEmpty()) {
        if (!dst.isEmpty()) {
          m.add("trackif", Message.NPT_TRACK_PREFIX);
        }
        // no emulated interface is in DHCPv6 mode or tracks another one
        m.add("trackif", Message.NPT_NOT_TRACKING);
        if (dst.isEmpty()) {
          m.add("trackif", Message.NPT_NOT_DHCP6);
        }
      }
      String src = e.value("source_net");
      if (!dst.isEmpty() && !src.isEmpty()) {
        if (!(dst + "/128").split("/")[1].equals((src + "/128").split("/")[1])) {
          m.add("destination_net", Message.BINAT_SUBNETS);
        }
      }
    }

    @Override
    public void decorate(String uuid, ObjectNode item, ModelContext ctx) {
      new FilterRuleHooks().decorate(uuid, item, ctx);
    }
  }
}
