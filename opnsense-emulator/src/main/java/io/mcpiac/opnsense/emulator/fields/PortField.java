package io.mcpiac.opnsense.emulator.fields;

import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.messages.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code M/Base/FieldTypes/PortField.php}: one value (no comma list) out of an option list: {@code
 * 1}..{@code 65535} as exact decimal strings, with {@code EnableWellKnown} {@code any} and the
 * fixed well-known names, with {@code EnableAlias} the names of port aliases; with {@code
 * EnableRanges} also {@code a-b} of two such numbers with a &lt; b ({@code a:b} is not a range
 * here; it is in alias content). Well-known names are stored trimmed and lower-cased.
 *
 * <p>The names are {@code ['any'] + <list>}: a PHP array union on integer keys, so the list's first
 * entry is lost. 26.1.3+ ({@code array_keys} of a name→port map) lose {@code afs3-fileserver};
 * 26.1.0–26.1.2 (a plain list starting with {@code cvsup}, without {@code ipsec-nat-t}) lose {@code
 * cvsup}. 26.7 rejects whitespace around range bounds (commit 10a27499).
 */
public final class PortField extends Field {
  /** 26.1.3+ (name→port map, alphabetical). */
  static final List<String> NAMES =
      List.of(
          "afs3-fileserver",
          "aol",
          "auth",
          "avt-profile-1",
          "cvsup",
          "domain",
          "ftp",
          "hbci",
          "http",
          "https",
          "igmpv3lite",
          "imap",
          "imaps",
          "ipsec-msft",
          "ipsec-nat-t",
          "isakmp",
          "l2f",
          "ldap",
          "microsoft-ds",
          "ms-streaming",
          "ms-wbt-server",
          "msnp",
          "nat-stun-port",
          "netbios-dgm",
          "netbios-ns",
          "netbios-ssn",
          "nntp",
          "ntp",
          "openvpn",
          "pop3",
          "pop3s",
          "pptp",
          "radius",
          "radius-acct",
          "rfb",
          "sip",
          "smtp",
          "snmp",
          "snmptrap",
          "ssh",
          "submission",
          "telnet",
          "teredo",
          "tftp",
          "urd",
          "wins");

  /** 26.1.0 … 26.1.2 (plain list, its own order). */
  static final List<String> OLD_NAMES =
      List.of(
          "cvsup",
          "domain",
          "ftp",
          "hbci",
          "http",
          "https",
          "aol",
          "auth",
          "imap",
          "imaps",
          "ipsec-msft",
          "isakmp",
          "l2f",
          "ldap",
          "ms-streaming",
          "afs3-fileserver",
          "microsoft-ds",
          "ms-wbt-server",
          "wins",
          "msnp",
          "nntp",
          "ntp",
          "netbios-dgm",
          "netbios-ns",
          "netbios-ssn",
          "openvpn",
          "pop3",
          "pop3s",
          "pptp",
          "radius",
          "radius-acct",
          "avt-profile-1",
          "sip",
          "smtp",
          "igmpv3lite",
          "urd",
          "snmp",
          "snmptrap",
          "ssh",
          "nat-stun-port",
          "submission",
          "teredo",
          "telnet",
          "tftp",
          "rfb");

  private final boolean wellKnown;
  private final boolean ranges;
  private final boolean aliases;

  public PortField(String name, boolean wellKnown, boolean ranges, boolean aliases) {
    super(name);
    this.wellKnown = wellKnown;
    this.ranges = ranges;
    this.aliases = aliases;
  }

  /** The full name list of a release (as its validation message prints it). */
  static List<String> names(VersionProfile v) {
    return v.portNamesAsMap() ? NAMES : OLD_NAMES;
  }

  /** {@code ['any'] + names}: what the option list really holds. */
  public static List<String> acceptedNames(VersionProfile v) {
    List<String> out = new ArrayList<>();
    out.add("any");
    List<String> n = names(v);
    out.addAll(n.subList(1, n.size()));
    return out;
  }

  @Override
  public String normalize(String input) {
    if (input == null) {
      return "";
    }
    String tmp = input.trim().toLowerCase(Locale.ROOT);
    // the stored case does not depend on the release's list quirks: both lists are tried
    if (wellKnown && ("any".equals(tmp) || NAMES.contains(tmp) || OLD_NAMES.contains(tmp))) {
      return tmp;
    }
    return input;
  }

  @Override
  public List<String> validateValue(String value, FieldContext ctx) {
    if (accepts(value, ctx)) {
      return none();
    }
    String msg = message(Message.PORT, null);
    if (!hasCustomMessage() && wellKnown) {
      // PortField::defaultValidationMessage appends the release's full list
      msg += " " + Message.PORT_WELL_KNOWN.text(String.join(", ", names(ctx.version())));
    }
    return one(msg);
  }

  private boolean accepts(String v, FieldContext ctx) {
    if (isPortNumber(v)) {
      return true;
    }
    if (wellKnown && acceptedNames(ctx.version()).contains(v)) {
      return true;
    }
    if (aliases && "port".equals(ctx.aliasTypes().get(v))) {
      return true;
    }
    return ranges && isRange(v, ctx.version());
  }

  /** An exact decimal 1..65535, as the option list spells it. */
  public static boolean isPortNumber(String v) {
    return v.matches("^[1-9][0-9]{0,4}$") && Integer.parseInt(v) <= 65535;
  }

  private static boolean isRange(String v, VersionProfile version) {
    String[] p = v.split("-", -1);
    if (p.length != 2) {
      return false;
    }
    if (version.portRangesTrimmed() && (!p[0].equals(p[0].trim()) || !p[1].equals(p[1].trim()))) {
      return false;
    }
    Integer a = phpInt(p[0]);
    Integer b = phpInt(p[1]);
    return a != null && b != null && a >= 1 && b <= 65535 && a < b;
  }

  /** {@code filter_var(FILTER_VALIDATE_INT)}: surrounding whitespace, a sign, no leading zero. */
  private static Integer phpInt(String s) {
    String t = s.strip();
    if (!t.matches("^[+-]?(0|[1-9][0-9]{0,9})$")) {
      return null;
    }
    long n = Long.parseLong(t);
    return n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : (int) n;
  }
}
