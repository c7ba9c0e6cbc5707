package io.mcpiac.opnsense.emulator.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API keys the emulator accepts ({@code L/Auth/API.php}): key lookup, constant-time secret
 * check. Generated keys and secrets are {@code base64_encode(random_bytes(60))}, 80 characters that
 * may contain {@code /} and {@code +}, as OPNsense makes them.
 */
public final class ApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, ApiUser> byKey = new ConcurrentHashMap<>();
  private volatile java.util.function.Function<String, ApiUser> configKeys = k -> null;

  /** Keys made through {@code /api/auth/user/addApiKey}: looked up in the configuration. */
  public void setConfigLookup(java.util.function.Function<String, ApiUser> lookup) {
    this.configKeys = lookup;
  }

  /** How stored secrets are kept: {@code sha256:<hex>} (the plain secret is shown once). */
  public static String hash(String secret) {
    try {
      return "sha256:"
          + java.util.HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String generate() {
    byte[] b = new byte[60];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  public void add(ApiUser user) {
    byKey.put(user.key(), user);
  }

  public List<ApiUser> all() {
    return List.copyOf(byKey.values());
  }

  /**
   * {@code ApiControllerBase::beforeExecuteRoute}: split the header on a space, base64-decode the
   * second token, split on ':'; the scheme word is not checked. Null when authentication fails.
   */
  public ApiUser authenticate(String authorization) {
    String[] parts = authorization.trim().split(" ");
    if (parts.length < 2) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(parts[1].trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String key = decoded.substring(0, colon);
    String secret = decoded.substring(colon + 1);
    ApiUser user = byKey.get(key);
    if (user == null) {
      user = configKeys.apply(key);
    }
    if (user == null) {
      return null;
    }
    String given = user.secret().startsWith("sha256:") ? hash(secret) : secret;
    boolean ok =
        MessageDigest.isEqual(
            user.secret().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    return ok ? user : null;
  }
}
