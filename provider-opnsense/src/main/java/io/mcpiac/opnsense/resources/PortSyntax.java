package io.mcpiac.opnsense.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Port syntax per OPNsense field (contract 2.1, 2.2): rule and NAT port fields ({@code PortField})
 * take one value — a port, a range {@code a-b} with a &lt; b, {@code any}, a fixed well-known name
 * or a port alias; alias content takes {@code a:b} ranges and {@code /etc/services} names; a port
 * forward's target port takes no range. Users write a range either way ({@code 8000-8080} or {@code
 * 8000:8080}); it is sent in the syntax the field needs and read back in the user's form.
 */
public final class PortSyntax {
  /** How a field writes ranges, or that it takes none. */
  public enum Context {
    DASH_RANGE,
    COLON_RANGE,
    NO_RANGE
  }

  private static final Pattern RANGE = Pattern.compile("^\\s*(\\d+)\\s*[-:]\\s*(\\d+)\\s*$");
  private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.\\-]*$");

  /** Port fields per endpoint base: field → context. */
  private static final Map<String, Map<String, Context>> FIELDS =
      Map.of(
          "/api/firewall/filter/",
              Map.of("source_port", Context.DASH_RANGE, "destination_port", Context.DASH_RANGE),
          "/api/firewall/d_nat/",
              Map.of(
                  "source.port", Context.DASH_RANGE,
                  "destination.port", Context.DASH_RANGE,
                  "local-port", Context.NO_RANGE),
          "/api/firewall/source_nat/",
              Map.of(
                  "source_port", Context.DASH_RANGE,
                  "destination_port", Context.DASH_RANGE,
                  "target_port", Context.DASH_RANGE));

  private PortSyntax() {}

  /** Rewrites the port fields of a request body in the syntax each field needs. */
  public static void convertFields(Endpoint ep, ObjectNode fields) {
    for (Map.Entry<String, Context> f : FIELDS.getOrDefault(ep.base(), Map.of()).entrySet()) {
      ObjectNode parent = fields;
      String leaf = f.getKey();
      int dot = leaf.indexOf('.');
      if (dot > 0) {
        JsonNode p = fields.get(leaf.substring(0, dot));
        if (!(p instanceof ObjectNode o)) {
          continue;
        }
        parent = o;
        leaf = leaf.substring(dot + 1);
      }
      JsonNode v = parent.get(leaf);
      if (v != null && v.isTextual()) {
        parent.put(leaf, convert(v.asText(), f.getValue()));
      }
    }
    if ("/api/firewall/alias/".equals(ep.base())
        && "port".equals(fields.path("type").asText())
        && fields.path("content").isTextual()) {
      List<String> out = new ArrayList<>();
      for (String line : fields.get("content").asText().split("\n", -1)) {
        out.add(convert(line, Context.COLON_RANGE));
      }
      fields.put("content", String.join("\n", out));
    }
  }

  /** A range in the field's syntax; anything else unchanged. */
  public static String convert(String value, Context c) {
    Matcher m = RANGE.matcher(value);
    if (!m.matches() || c == Context.NO_RANGE) {
      return value;
    }
    return m.group(1) + (c == Context.COLON_RANGE ? ":" : "-") + m.group(2);
  }

  /** Whether two values name the same port or range ({@code 8000:8080} = {@code 8000-8080}). */
  public static boolean same(String a, String b) {
    Matcher x = RANGE.matcher(a);
    Matcher y = RANGE.matcher(b);
    return x.matches()
        && y.matches()
        && Long.parseLong(x.group(1)) == Long.parseLong(y.group(1))
        && Long.parseLong(x.group(2)) == Long.parseLong(y.group(2));
  }

  /**
   * What OPNsense would refuse in a port value of a field with this context, or null. Names are
   * accepted as they may be port aliases (checked by the firewall).
   */
  public static String problem(String value, Context c) {
    String v = value.trim();
    if (v.isEmpty()) {
      return null;
    }
    if (c != Context.COLON_RANGE && v.contains(",")) {
      return "takes one port, range or port alias, not a list ('"
          + value
          + "'); put several ports in a port alias";
    }
    Matcher m = RANGE.matcher(v);
    if (m.matches()) {
      if (c == Context.NO_RANGE) {
        return "takes a single port or a port alias, not a range ('" + value + "')";
      }
      long from = Long.parseLong(m.group(1));
      long to = Long.parseLong(m.group(2));
      if (!valid(from) || !valid(to)) {
        return "'" + value + "': ports are 1 to 65535";
      }
      if (c == Context.DASH_RANGE && from >= to) {
        return "'" + value + "': a range must go from the lower to the higher port";
      }
      return null;
    }
    if (v.matches("^\\d+$")) {
      return valid(Long.parseLong(v)) ? null : "'" + value + "': ports are 1 to 65535";
    }
    if (NAME.matcher(v).matches()) {
      return null;
    }
    return "'"
        + value
        + "' is not a port: write a number 1-65535, a range 8000-8080 (or 8000:8080), a service"
        + " name or a port alias";
  }

  private static boolean valid(long port) {
    return port >= 1 && port <= 65535;
  }

  /** Friendly properties that are port fields, per type and (for NAT) kind. */
  static Map<String, Context> properties(String type, ObjectNode props) {
    return switch (type) {
      case "opnsense:firewall:rule" ->
          Map.of("port", Context.DASH_RANGE, "sourcePort", Context.DASH_RANGE);
      case "opnsense:firewall:nat" -> {
        String kind = Props.text(props, "kind");
        if (kind == null || "port-forward".equals(kind)) {
          yield Map.of(
              "port", Context.DASH_RANGE,
              "sourcePort", Context.DASH_RANGE,
              "targetPort", Context.NO_RANGE);
        }
        yield "outbound".equals(kind)
            ? Map.of(
                "port", Context.DASH_RANGE,
                "sourcePort", Context.DASH_RANGE,
                "targetPort", Context.DASH_RANGE)
            : Map.of();
      }
      default -> Map.of();
    };
  }

  /** Property names whose values are compared as ports when reading back. */
  static final Set<String> PORT_PROPERTIES = Set.of("port", "sourcePort", "targetPort", "content");
}
