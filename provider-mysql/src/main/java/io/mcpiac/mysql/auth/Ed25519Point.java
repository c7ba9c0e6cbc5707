package io.mcpiac.mysql.auth;

import java.math.BigInteger;

/**
 * Points of the Ed25519 curve (RFC 8032, section 5.1), affine and plain: enough to turn a secret
 * scalar into its public key once per checked password, where speed does not matter.
 */
final class Ed25519Point {
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger I =
      BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
  private static final BigInteger BASE_Y =
      BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
  private static final BigInteger BASE_X = recoverX(BASE_Y);

  private Ed25519Point() {}

  /** The encoded point {@code scalar}·B; {@code scalar} little-endian, 32 bytes. */
  static byte[] publicKey(byte[] scalar) {
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = scalar[31 - i];
    }
    BigInteger k = new BigInteger(1, be);
    BigInteger[] result = {BigInteger.ZERO, BigInteger.ONE};
    BigInteger[] addend = {BASE_X, BASE_Y};
    for (int bit = 0; bit < k.bitLength(); bit++) {
      if (k.testBit(bit)) {
        result = add(result, addend);
      }
      addend = add(addend, addend);
    }
    return encode(result);
  }

  /** The complete addition law of the twisted Edwards curve -x² + y² = 1 + d·x²·y². */
  private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
    BigInteger xx = a[0].multiply(b[0]).mod(P);
    BigInteger yy = a[1].multiply(b[1]).mod(P);
    BigInteger dxy = D.multiply(xx).multiply(yy).mod(P);
    BigInteger x =
        a[0].multiply(b[1]).add(b[0].multiply(a[1])).multiply(inverse(dxy.add(BigInteger.ONE)));
    BigInteger y = yy.add(xx).multiply(inverse(BigInteger.ONE.subtract(dxy)));
    return new BigInteger[] {x.mod(P), y.mod(P)};
  }

  private static BigInteger inverse(BigInteger v) {
    return v.mod(P).modInverse(P);
  }

  private static BigInteger recoverX(BigInteger y) {
    BigInteger yy = y.multiply(y);
    BigInteger xx =
        yy.subtract(BigInteger.ONE).multiply(inverse(D.multiply(yy).add(BigInteger.ONE)));
    BigInteger x = xx.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
    if (!x.multiply(x).subtract(xx).mod(P).equals(BigInteger.ZERO)) {
      x = x.multiply(I).mod(P);
    }
    return x.testBit(0) ? P.subtract(x) : x;
  }

  /** y little-endian, with the low bit of x in the top bit. */
  private static byte[] encode(BigInteger[] point) {
    byte[] out = new byte[32];
    byte[] y = point[1].toByteArray();
    for (int i = 0; i < y.length && i < 32; i++) {
      out[i] = y[y.length - 1 - i];
    }
    if (point[0].testBit(0)) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }
}
