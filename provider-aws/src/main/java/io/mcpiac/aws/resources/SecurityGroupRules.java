package io.mcpiac.aws.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Security group rules as Terraform and Pulumi write them ({@code ingress: [{protocol, fromPort,
 * toPort, cidrBlocks, securityGroups}]}) and as AWS keeps them (one permission per protocol and
 * port range, holding address ranges and groups). The canonical form is one rule per protocol and
 * port range, sorted, with sorted lists; {@code all} is {@code -1}, whose ports are 0. Changes are
 * made per source: a rule with a new address range adds that range, nothing else.
 */
final class SecurityGroupRules {
  private SecurityGroupRules() {}

  /** One source of one permission: what AWS authorises and revokes. */
  record Grant(String protocol, int fromPort, int toPort, String cidr, String group) {
    IpPermission permission() {
      IpPermission.Builder b =
          IpPermission.builder().ipProtocol(protocol).fromPort(fromPort).toPort(toPort);
      if (protocol.equals("-1")) {
        b.fromPort(null).toPort(null);
      }
      if (cidr != null) {
        b.ipRanges(IpRange.builder().cidrIp(cidr).build());
      } else {
        b.userIdGroupPairs(UserIdGroupPair.builder().groupId(group).build());
      }
      return b.build();
    }
  }

  /** The canonical form of a rule list; as written while any part is unknown until apply. */
  static JsonNode canonical(JsonNode rules) {
    if (rules == null || !rules.isArray() || Values.containsUnknown(rules)) {
      return rules;
    }
    return toJson(grants(rules));
  }

  /** Every grant of a rule list as written. */
  static Set<Grant> grants(JsonNode rules) {
    Set<Grant> out = new LinkedHashSet<>();
    if (rules == null || !rules.isArray()) {
      return out;
    }
    for (JsonNode r : rules) {
      String protocol = protocol(Props.text((ObjectNode) r, "protocol"));
      int from = protocol.equals("-1") ? 0 : r.path("fromPort").asInt(0);
      int to = protocol.equals("-1") ? 0 : r.path("toPort").asInt(from);
      for (String cidr : Props.list(r.get("cidrBlocks"))) {
        out.add(new Grant(protocol, from, to, cidr, null));
      }
      for (String group : Props.list(r.get("securityGroups"))) {
        out.add(new Grant(protocol, from, to, null, group));
      }
    }
    return out;
  }

  /** Every grant AWS reports. */
  static Set<Grant> grants(List<IpPermission> permissions) {
    Set<Grant> out = new LinkedHashSet<>();
    for (IpPermission p : permissions) {
      String protocol = protocol(p.ipProtocol());
      int from = protocol.equals("-1") || p.fromPort() == null ? 0 : p.fromPort();
      int to = protocol.equals("-1") || p.toPort() == null ? 0 : p.toPort();
      p.ipRanges().forEach(r -> out.add(new Grant(protocol, from, to, r.cidrIp(), null)));
      p.userIdGroupPairs().forEach(g -> out.add(new Grant(protocol, from, to, null, g.groupId())));
    }
    return out;
  }

  /** Grants as rules: one per protocol and port range, in a fixed order. */
  static ArrayNode toJson(Set<Grant> grants) {
    Map<String, ObjectNode> byRange = new TreeMap<>();
    Map<String, Set<String>> cidrs = new TreeMap<>();
    Map<String, Set<String>> groups = new TreeMap<>();
    for (Grant g : grants) {
      String key = "%s/%06d/%06d".formatted(g.protocol(), g.fromPort() + 1, g.toPort() + 1);
      byRange.computeIfAbsent(
          key,
          k -> {
            ObjectNode rule = Json.object();
            rule.put("protocol", g.protocol());
            rule.put("fromPort", g.fromPort());
            rule.put("toPort", g.toPort());
            return rule;
          });
      if (g.cidr() != null) {
        cidrs.computeIfAbsent(key, k -> new TreeSet<>()).add(g.cidr());
      } else {
        groups.computeIfAbsent(key, k -> new TreeSet<>()).add(g.group());
      }
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    byRange.forEach(
        (key, rule) -> {
          if (cidrs.containsKey(key)) {
            rule.set("cidrBlocks", Json.MAPPER.valueToTree(new ArrayList<>(cidrs.get(key))));
          }
          if (groups.containsKey(key)) {
            rule.set("securityGroups", Json.MAPPER.valueToTree(new ArrayList<>(groups.get(key))));
          }
          out.add(rule);
        });
    return out;
  }

  /** AWS's protocol names: {@code tcp}, {@code udp}, {@code icmp}, {@code -1} for all. */
  static String protocol(String written) {
    String p = written == null ? "-1" : written.trim().toLowerCase(Locale.ROOT);
    return switch (p) {
      case "all", "-1" -> "-1";
      case "6" -> "tcp";
      case "17" -> "udp";
      case "1" -> "icmp";
      default -> p;
    };
  }
}
