package io.mcpiac.policy;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Functions policies need beyond standard CEL: {@code cidrContains(cidr, address)}, true when an
 * IPv4 or IPv6 address (or a whole CIDR) lies inside a CIDR; false for anything that is not an
 * address, so a rule never fails on a name or an alias by accident.
 */
final class Functions {
  private static final String CIDR_CONTAINS = "cidrContains_string_string";

  private Functions() {}

  static CelFunctionDecl declaration() {
    return CelFunctionDecl.newFunctionDeclaration(
        "cidrContains",
        CelOverloadDecl.newGlobalOverload(
            CIDR_CONTAINS, SimpleType.BOOL, SimpleType.STRING, SimpleType.STRING));
  }

  static CelFunctionBinding binding() {
    return CelFunctionBinding.from(
        CIDR_CONTAINS, String.class, String.class, Functions::cidrContains);
  }

  static boolean cidrContains(String cidr, String address) {
    try {
      String[] net = cidr.trim().split("/");
      String[] inner = address.trim().split("/");
      byte[] base = InetAddress.getByName(literal(net[0])).getAddress();
      byte[] addr = InetAddress.getByName(literal(inner[0])).getAddress();
      if (base.length != addr.length) {
        return false;
      }
      int bits = base.length * 8;
      int prefix = net.length > 1 ? Integer.parseInt(net[1]) : bits;
      int innerPrefix = inner.length > 1 ? Integer.parseInt(inner[1]) : bits;
      if (prefix < 0 || prefix > bits || innerPrefix < prefix) {
        return false;
      }
      BigInteger mask =
          BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE.shiftLeft(bits - prefix));
      return new BigInteger(1, base).and(mask).equals(new BigInteger(1, addr).and(mask));
    } catch (UnknownHostException | RuntimeException e) {
      return false;
    }
  }

  /** Only literal addresses: a host name must never be looked up. */
  private static String literal(String s) throws UnknownHostException {
    if (!s.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      throw new UnknownHostException("not an address literal: " + s);
    }
    return s;
  }
}
