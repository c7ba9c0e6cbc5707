package io.mcpiac.mysql.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The authentication strings a server keeps for a password, computed here: what lets mcp-iac tell
 * whether an account still has the configured password without storing the password, and create
 * accounts without ever sending it (statements with a password in them end up in the server's
 * logs). Both plugins handled here are unsalted, so the string follows from the password alone;
 * MySQL 8's {@code caching_sha2_password} is salted and cannot be checked this way.
 */
public final class AuthStrings {
  public static final String NATIVE = "mysql_native_password";
  public static final String ED25519 = "ed25519";

  private AuthStrings() {}

  /** The string {@code plugin} keeps for {@code password}; empty for a plugin we cannot compute. */
  public static Optional<String> of(String plugin, String password) {
    return switch (plugin.toLowerCase(Locale.ROOT)) {
      case NATIVE -> Optional.of(nativePassword(password));
      case ED25519 -> Optional.of(ed25519(password));
      default -> Optional.empty();
    };
  }

  /** {@code mysql_native_password}: {@code *} and the hex of SHA-1(SHA-1(password)). */
  public static String nativePassword(String password) {
    byte[] once = digest("SHA-1", password.getBytes(StandardCharsets.UTF_8));
    return "*" + HexFormat.of().withUpperCase().formatHex(digest("SHA-1", once));
  }

  /**
   * MariaDB's {@code ed25519}: the Ed25519 public key whose secret scalar comes from SHA-512 of the
   * password (of any length, unlike a standard 32-byte seed, so the JDK's EdDSA cannot make it),
   * base64 without padding.
   */
  public static String ed25519(String password) {
    byte[] h = digest("SHA-512", password.getBytes(StandardCharsets.UTF_8));
    byte[] scalar = java.util.Arrays.copyOf(h, 32);
    scalar[0] &= (byte) 248;
    scalar[31] &= 63;
    scalar[31] |= 64;
    return Base64.getEncoder().withoutPadding().encodeToString(Ed25519Point.publicKey(scalar));
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }
}
