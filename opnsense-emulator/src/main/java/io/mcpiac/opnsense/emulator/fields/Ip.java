package io.mcpiac.opnsense.emulator.fields;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Address parsing without DNS: IPv4/IPv6 literals, CIDR networks, families, containment. */
public final class Ip {
  private static final Pattern V4 =
      Pattern.compile(
          "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
  private static final Pattern V6_CHARS = Pattern.compile("^[0-9a-fA-F:.]+$");

  private Ip() {}

  public static boolean isV4(String s) {
    return s != null && V4.matcher(s).matches();
  }

  public static boolean isV6(String s) {
    if (s == null || !s.contains(":") || !V6_CHARS.matcher(s).matches()) {
      return false;
    }
    try {
      // a literal containing ':' is parsed, never resolved
      return InetAddress.getByName(s).getAddress().length == 16;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public static boolean isAddress(String s) {
    return isV4(s) || isV6(s);
  }

  /** "4", "6" or null for a literal address or CIDR network. */
  public static String family(String s) {
    String addr = s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
    return isV4(addr) ? "4" : isV6(addr) ? "6" : null;
  }

  /** A CIDR network {@code a/n} with a valid prefix length for its family. */
  public static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String addr = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    if (!bits.matches("\\d{1,3}")) {
      return false;
    }
    int n = Integer.parseInt(bits);
    return (isV4(addr) && n <= 32) || (isV6(addr) && n <= 128);
  }

  public static BigInteger toNumber(String addr) {
    try {
      return new BigInteger(1, InetAddress.getByName(addr).getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(addr, e);
    }
  }

  /** Whether an address lies inside a CIDR network of the same family. */
  public static boolean contains(String cidr, String addr) {
    if (!isCidr(cidr) || !isAddress(addr) || !family(cidr).equals(family(addr))) {
      return false;
    }
    String net = cidr.substring(0, cidr.indexOf('/'));
    int bits = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    int width = isV4(net) ? 32 : 128;
    BigInteger mask =
        BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE).shiftRight(bits).not();
    return toNumber(net).and(mask).equals(toNumber(addr).and(mask));
  }

  /** {@code Util::isSubnetStrict}: a CIDR network without host bits set. */
  public static boolean isStrictSubnet(String cidr) {
    if (!isCidr(cidr)) {
      return false;
    }
    String net = cidr.substring(0, cidr.indexOf('/'));
    return contains(cidr, net) && toNumber(net).equals(toNumber(net).and(maskOf(cidr)));
  }

  private static BigInteger maskOf(String cidr) {
    String net = cidr.substring(0, cidr.indexOf('/'));
    int bits = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    int width = isV4(net) ? 32 : 128;
    return BigInteger.ONE
        .shiftLeft(width)
        .subtract(BigInteger.ONE)
        .shiftRight(bits)
        .not()
        .and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
  }

  /** {@code Util::isWildcard}: {@code address/mask} with both parts addresses of one family. */
  public static boolean isWildcard(String s) {
    String[] p = s.split("/", -1);
    return p.length == 2 && isAddress(p[0]) && isAddress(p[1]) && family(p[0]).equals(family(p[1]));
  }

  /** {@code Util::isSubnet}: like {@link #isCidr}. */
  public static boolean isSubnet(String s) {
    return isCidr(s);
  }
}
