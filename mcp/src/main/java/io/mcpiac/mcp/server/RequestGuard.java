package io.mcpiac.mcp.server;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks every HTTP request before MCP sees it: Origin and Host against the allowed lists (DNS
 * rebinding), then the bearer token when one is configured. Public for the local web UI ({@code
 * mcp-iac ui}), which checks its requests exactly as MCP over HTTP does.
 */
public final class RequestGuard implements ServerHttpHeaderValidator {
  private final DefaultServerTransportSecurityValidator origins;
  private final byte[] token;

  /** scheme://host[:port] and nothing else: no user info, path, query or fragment. */
  private static final Pattern ORIGIN =
      Pattern.compile("https?://(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?");

  private static final Pattern HOST =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?");

  public RequestGuard(HttpSettings settings) {
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
    // the SDK's validator looks at the first value only and matches Origin as a pattern, so
    // "http://localhost:1@evil.example" passed as localhost: checked here first (an SDK fix)
    single(headers, "Host");
    single(headers, "Origin");
    List<String> origin = headers.getHeader("Origin");
    if (origin != null && !origin.isEmpty() && !ORIGIN.matcher(origin.get(0)).matches()) {
      throw new ServerTransportSecurityException(403, "Invalid Origin header");
    }
    List<String> host = headers.getHeader("Host");
    if (host != null && !host.isEmpty() && !HOST.matcher(host.get(0)).matches()) {
      throw new ServerTransportSecurityException(403, "Invalid Host header");
    }
    origins.validate(headers);
    if (token == null) {
      return;
    }
    List<String> auth = headers.getHeader("Authorization");
    String value = auth == null || auth.isEmpty() ? null : auth.get(0);
    if (auth != null && auth.size() > 1) {
      throw new ServerTransportSecurityException(400, "More than one Authorization header");
    }
    if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ServerTransportSecurityException(401, "Missing bearer token");
    }
    byte[] given = value.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, token)) {
      throw new ServerTransportSecurityException(401, "Invalid bearer token");
    }
  }

  private static void single(HeaderAccessor headers, String name)
      throws ServerTransportSecurityException {
    List<String> values = headers.getHeader(name);
    if (values != null && values.size() > 1) {
      throw new ServerTransportSecurityException(400, "More than one " + name + " header");
    }
  }
}
