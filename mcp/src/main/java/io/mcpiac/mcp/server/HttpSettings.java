package io.mcpiac.mcp.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where and how the HTTP server listens.
 *
 * @param bind the address to bind, 127.0.0.1 by default
 * @param port 0 for any free port
 * @param token the bearer token clients must send; required when bound to anything but loopback,
 *     honoured when set on loopback; null for none
 * @param allowedOrigins browser origins allowed besides localhost ones ({@code
 *     https://app.example:*})
 * @param allowedHosts Host headers allowed besides localhost ones; empty and bound to a wildcard
 *     address: any Host (the token protects)
 */
public record HttpSettings(
    String bind, int port, String token, List<String> allowedOrigins, List<String> allowedHosts) {
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final String ENDPOINT = "/mcp";
  public static final String TOKEN_VARIABLE = "MCP_IAC_TOKEN";

  public HttpSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedHosts = List.copyOf(allowedHosts);
    if (token != null && token.isBlank()) {
      token = null;
    }
  }

  public static HttpSettings loopback(int port, String token) {
    return new HttpSettings(DEFAULT_BIND, port, token, List.of(), List.of());
  }

  public boolean loopback() {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public boolean wildcard() {
    try {
      return InetAddress.getByName(bind).isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
