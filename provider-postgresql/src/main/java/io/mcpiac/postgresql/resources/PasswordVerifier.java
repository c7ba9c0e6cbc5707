package io.mcpiac.postgresql.resources;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What PostgreSQL keeps of a password ({@code pg_authid.rolpassword}), computed and checked in
 * Java: a SCRAM-SHA-256 verifier ({@code SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey}, RFC
 * 5802 / 7677: PBKDF2-HMAC-SHA-256 of the password) or a legacy MD5 one ({@code md5} + md5(password
 * + user)).
 *
 * <p>Why: the provider sends the server a verifier it made itself, never the password, so the clear
 * password cannot reach the server's statement log; and a password changed behind our back is seen
 * by checking the configured value against the stored verifier, without state ever holding it.
 */
public final class PasswordVerifier {
  private static final Pattern SCRAM =
      Pattern.compile("^SCRAM-SHA-256\\$(\\d+):([^$]+)\\$([^:]+):(.+)$");
  private static final int ITERATIONS = 4096;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordVerifier() {}

  /** A new SCRAM-SHA-256 verifier of {@code password}, with a random salt. */
  public static String scram(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return scram(password, salt, ITERATIONS);
  }

  static String scram(String password, byte[] salt, int iterations) {
    byte[] salted = pbkdf2(password, salt, iterations);
    byte[] storedKey = sha256(hmac(salted, "Client Key"));
    byte[] serverKey = hmac(salted, "Server Key");
    Base64.Encoder b64 = Base64.getEncoder();
    return "SCRAM-SHA-256$"
        + iterations
        + ":"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(storedKey)
        + ":"
        + b64.encodeToString(serverKey);
  }

  /**
   * Whether {@code verifier} (as stored for role {@code user}) is a verifier of {@code password}.
   * An unknown format (a plain-text password of an old server) is compared as it is.
   */
  public static boolean matches(String verifier, String user, String password) {
    Matcher m = SCRAM.matcher(verifier);
    if (m.matches()) {
      Base64.Decoder b64 = Base64.getDecoder();
      byte[] salt = b64.decode(m.group(2));
      String expected = scram(password, salt, Integer.parseInt(m.group(1)));
      return MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII),
          verifier.getBytes(StandardCharsets.US_ASCII));
    }
    if (verifier.startsWith("md5") && verifier.length() == 35) {
      String expected = "md5" + md5Hex(password + user);
      return MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII),
          verifier.getBytes(StandardCharsets.US_ASCII));
    }
    return verifier.equals(password);
  }

  /**
   * PostgreSQL applies SASLprep to the password, and uses the raw bytes where that fails. ASCII is
   * unchanged by it; for the rest NFKC normalisation (SASLprep's main step) is applied: passwords
   * using the characters SASLprep maps to nothing or prohibits are checked less exactly.
   */
  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    String prepared =
        password.chars().allMatch(ch -> ch < 128)
            ? password
            : Normalizer.normalize(password, Normalizer.Form.NFKC);
    try {
      SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
      // SunJCE encodes the chars as UTF-8, as PostgreSQL does
      return f.generateSecret(new PBEKeySpec(prepared.toCharArray(), salt, iterations, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    }
  }

  private static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static String md5Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }
}
