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
    ApiUser user = byKey.get(decoded.substring(0, colon));
    if (user == null) {
      return null;
    }
    boolean ok =
        MessageDigest.isEqual(
            user.secret().getBytes(StandardCharsets.UTF_8),
            decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
    return ok ? user : null;
  }
}
