package io.mcpiac.opnsense.emulator.resources;

import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.fields.Ip;
import io.mcpiac.opnsense.emulator.fields.Services;
import io.mcpiac.opnsense.emulator.messages.Message;
import io.mcpiac.opnsense.emulator.model.SystemEnvironment;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code M/Firewall/FieldTypes/AliasContentField.php::getValidators} (identical 25.7 … 26.7): one
 * entry of an alias's newline-separated content, checked by the alias type with the helpers of
 * {@code L/Firewall/Util.php}. Entries are not trimmed; {@code url}, {@code urltable}, {@code
 * urljson}, {@code internal} and {@code external} content is not validated at all.
 */
final class AliasContent {
  private static final Pattern MAC = Pattern.compile("^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){1,5}$");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "^(?:(?:[a-z\\p{L}0-9]|[a-z\\p{L}0-9][a-z\\p{L}0-9\\-]*[a-z\\p{L}0-9])\\.)*"
              + "(?:[a-z\\p{L}0-9]|[a-z\\p{L}0-9][a-z\\p{L}0-9\\-]*[a-z\\p{L}0-9])$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** ISO 3166 codes ({@code contrib/iana/tzdata-iso3166.tab}) plus MaxMind's {@code EU}. */
  private static final Set<String> COUNTRIES = countries();

  private AliasContent() {}

  /** The message for a bad entry, or null when the type accepts it. */
  static Message problem(String type, String v, Map<String, String> aliases, Config config) {
    boolean alias = aliases.containsKey(v);
    return switch (type) {
      case "port" -> alias || isPort(v) ? null : Message.ALIAS_PORT;
      case "host" -> host(v, alias) ? null : Message.ALIAS_HOST;
      case "network" -> network(v, alias) ? null : Message.ALIAS_NETWORK;
      case "networkgroup" -> alias ? null : Message.ALIAS_NESTED;
      case "mac" -> MAC.matcher(v).matches() ? null : Message.ALIAS_MAC;
      case "dynipv6host" -> Ip.isAddress("0000" + v) ? null : Message.ALIAS_PARTIAL_IPV6;
      case "asn" -> asn(v) ? null : Message.ALIAS_ASN;
      case "geoip" -> COUNTRIES.contains(v) ? null : Message.ALIAS_COUNTRY;
      case "authgroup" ->
          SystemEnvironment.configd("groups", config).containsKey(v) ? null : Message.ALIAS_GROUP;
      default -> null;
    };
  }

  /** {@code Util::isPort($v, true)}: numbers or service names, at most one ':' (a range). */
  static boolean isPort(String v) {
    String[] parts = v.split(":", -1);
    if (parts.length > 2) {
      return false;
    }
    for (String p : parts) {
      boolean number = p.matches("^[0-9]+$") && phpIntIn(p, 1, 65535);
      if (!number && !Services.isServiceName(p)) {
        return false;
      }
    }
    return true;
  }

  private static boolean host(String v, boolean alias) {
    String[] range = v.split("-", -1);
    if (range.length == 2 && Ip.isAddress(range[0])) {
      return Ip.isAddress(range[1]);
    }
    if (v.startsWith("!") && Ip.isAddress(v.substring(1))) {
      return true;
    }
    return alias || Ip.isAddress(v) || isDomain(v);
  }

  private static boolean network(String v, boolean alias) {
    int addresses = 0;
    int others = 0;
    for (String part : v.split("-", -1)) {
      if (Ip.isAddress(part)) {
        addresses++;
      } else if (!part.trim().isEmpty()) {
        others++;
      }
    }
    if (v.startsWith("!")) {
      String n = v.substring(1);
      if (Ip.isAddress(n) || Ip.isSubnet(n) || Ip.isWildcard(n)) {
        return true;
      }
    }
    return alias
        || Ip.isAddress(v)
        || Ip.isSubnet(v)
        || Ip.isWildcard(v)
        || (addresses == 2 && others == 0);
  }

  /** {@code Util::isDomain}: not when first and last label are all digits (RFC 1123 2.1). */
  static boolean isDomain(String v) {
    String[] labels = v.split("\\.", -1);
    if (labels[0].matches("^[0-9]+$") && labels[labels.length - 1].matches("^[0-9]+$")) {
      return false;
    }
    return DOMAIN.matcher(v).matches();
  }

  /** {@code filter_var(FILTER_VALIDATE_INT, 1..4294967296)}: whitespace and a sign allowed. */
  private static boolean asn(String v) {
    return phpIntIn(v, 1, 4294967296L);
  }

  private static boolean phpIntIn(String v, long min, long max) {
    String t = v.strip();
    if (!t.matches("^[+-]?(0|[1-9][0-9]{0,18})$")) {
      return false;
    }
    long n = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
    return n >= min && n <= max;
  }

  private static Set<String> countries() {
    Set<String> out = new TreeSet<>(Arrays.asList(java.util.Locale.getISOCountries()));
    out.add("EU");
    return out;
  }
}
