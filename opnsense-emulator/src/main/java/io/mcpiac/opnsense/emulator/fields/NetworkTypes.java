package io.mcpiac.opnsense.emulator.fields;

import io.mcpiac.opnsense.emulator.messages.Message;
import io.mcpiac.opnsense.emulator.model.FieldSpec;
import java.util.Map;

/**
 * The network-ish field types: {@code NetworkField}, {@code NetworkAliasField}, {@code PortField},
 * {@code HostnameField}, {@code MacAddressField}, {@code CSVListField}.
 */
public final class NetworkTypes {
  private NetworkTypes() {}

  public static Field network(String name, FieldSpec s) {
    String family = s.attr("AddressFamily");
    boolean maskRequired = s.flag("NetMaskRequired");
    boolean maskAllowed = !"N".equals(s.attr("NetMaskAllowed"));
    boolean wildcard = !"N".equals(s.attr("WildcardEnabled"));
    CheckedTextField f =
        new CheckedTextField(
            name,
            (v, c) -> {
              if (wildcard && "any".equals(v)) {
                return family == null;
              }
              boolean cidr = v.contains("/");
              if (cidr ? !maskAllowed || !Ip.isCidr(v) : maskRequired || !Ip.isAddress(v)) {
                return false;
              }
              String fam = Ip.family(v);
              return family == null || ("ipv4".equals(family) ? "4" : "6").equals(fam);
            },
            v -> Message.NETWORK.text());
    if (s.flag("AsList")) {
      f.list(",", true);
    }
    return f;
  }

  /** Values a {@code NetworkAliasField} accepts, with their descriptions. */
  public static String describeNetwork(String v, FieldContext c) {
    if ("(self)".equals(v)) {
      return "This Firewall";
    }
    Map<String, String> ifs = c.interfaces();
    if (ifs.containsKey(v)) {
      return ifs.get(v) + " net";
    }
    if (v.endsWith("ip") && ifs.containsKey(v.substring(0, v.length() - 2))) {
      return ifs.get(v.substring(0, v.length() - 2)) + " address";
    }
    return v;
  }

  public static boolean validNetworkOrAlias(String v, FieldContext c) {
    if (v.equals("any") || v.equals("(self)")) {
      return true;
    }
    if (Ip.isAddress(v) || Ip.isCidr(v)) {
      return true;
    }
    Map<String, String> ifs = c.interfaces();
    if (ifs.containsKey(v)
        || (v.endsWith("ip") && ifs.containsKey(v.substring(0, v.length() - 2)))) {
      return true;
    }
    String type = c.aliasTypes().get(v);
    return type != null && !"port".equals(type);
  }

  public static Field networkAlias(String name, FieldSpec s) {
    CheckedTextField f =
        new CheckedTextField(
            name, NetworkTypes::validNetworkOrAlias, v -> Message.NETWORK_ALIAS.text(v));
    if (s.flag("Multiple")) {
      f.list(",", false);
    }
    return f.describer(NetworkTypes::describeNetwork);
  }

  public static Field port(String name, FieldSpec s) {
    return new PortField(
        name, s.flag("EnableWellKnown"), s.flag("EnableRanges"), s.flag("EnableAlias"));
  }

  private static final String LABEL = "([a-z0-9_]|[a-z0-9_][a-z0-9_\\-]{0,61}[a-z0-9_])";

  public static boolean validHostname(
      String v, boolean ipAllowed, boolean hostWildcard, boolean fqdnWildcard) {
    if (ipAllowed && Ip.isAddress(v)) {
      return true;
    }
    if (hostWildcard && "*".equals(v)) {
      return true;
    }
    String name = fqdnWildcard && v.startsWith("*.") ? v.substring(2) : v;
    // a dotted number such as 10.0.0.300 is a broken address, not a host name
    return !name.matches("^[0-9.]+$")
        && name.length() <= 253
        && name.toLowerCase(java.util.Locale.ROOT).matches("^" + LABEL + "(\\." + LABEL + ")*$");
  }

  public static Field hostname(String name, FieldSpec s) {
    boolean ip = !"N".equals(s.attr("IpAllowed"));
    boolean hw = s.flag("HostWildcardAllowed");
    boolean fw = s.flag("FqdnWildcardAllowed");
    CheckedTextField f =
        new CheckedTextField(
            name,
            (v, c) -> validHostname(v, ip, hw, fw),
            (v, c) ->
                Message.HOSTNAME.existsIn(c.version())
                    ? Message.HOSTNAME.text(v)
                    : Message.HOSTNAME_OLD.text());
    if (s.flag("AsList")) {
      f.list(",", true);
    }
    return f;
  }

  public static Field mac(String name, FieldSpec s) {
    CheckedTextField f =
        new CheckedTextField(
            name,
            (v, c) -> v.matches("^(?i)([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$"),
            v -> Message.MAC.text());
    if (s.flag("AsList")) {
      f.list(",", true);
    }
    return f;
  }

  public static Field csv(String name, FieldSpec s) {
    java.util.regex.Pattern mask = s.attr("Mask") == null ? null : PhpRegex.compile(s.attr("Mask"));
    CheckedTextField f =
        new CheckedTextField(
            name,
            (v, c) -> mask == null || PhpRegex.matchesWhole(mask, v),
            v -> Message.CSV_LIST.text());
    return f.list(",", true);
  }
}
