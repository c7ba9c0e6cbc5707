package io.mcpiac.mcp.server;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every HTTP request before MCP sees it: Origin and Host against the allowed lists (DNS
 * rebinding), then the bearer token when one is configured.
 */
final class RequestGuard implements ServerHttpHeaderValidator {
  private final DefaultServerTransportSecurityValidator origins;
  private final byte[] token;

  RequestGuard(HttpSettings settings) {
    List<String> allowedOrigins = new ArrayList<>();
    for (String host : List.of("localhost", "127.0.0.1", "[::1]")) {
      allowedOrigins.add("http://" + host + ":*");
      allowedOrigins.add("https://" + host + ":*");
    }
    allowedOrigins.addAll(settings.allowedOrigins());
    List<String> allowedHosts = new ArrayList<>();
    if (!(settings.wildcard() && settings.allowedHosts().isEmpty())) {
      allowedHosts.addAll(List.of("localhost:*", "127.0.0.1:*", "[::1]:*"));
      if (!settings.wildcard()) {
        allowedHosts.add(settings.bind() + ":*");
      }
      allowedHosts.addAll(settings.allowedHosts());
    }
    this.origins =
        DefaultServerTransportSecurityValidator.builder()
            .allowedOrigins(allowedOrigins)
            .allowedHosts(allowedHosts)
            .build();
    this.token =
        settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void validate(HeaderAccessor headers) throws ServerTransportSecurityException {
    origins.validate(headers);
    if (token == null) {
      return;
    }
    List<String> auth = headers.getHeader("Authorization");
    String value = auth == null || auth.isEmpty() ? null : auth.get(0);
    if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ServerTransportSecurityException(401, "Missing bearer token");
    }
    byte[] given = value.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, token)) {
      throw new ServerTransportSecurityException(401, "Invalid bearer token");
    }
  }
}
