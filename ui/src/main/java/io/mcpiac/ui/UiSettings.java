package io.mcpiac.ui;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the web UI listens and the token every request must carry.
 *
 * @param bind the address to bind, 127.0.0.1 by default
 * @param port 0 for any free port
 * @param token the access token: in the URL printed at start, then kept by the page
 */
public record UiSettings(String bind, int port, String token) {
  public static final String DEFAULT_BIND = "127.0.0.1";

  public UiSettings {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the web UI needs an access token");
    }
  }

  /** A fresh random token: 256 bits, URL-safe. */
  public static String randomToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
