package io.mcpiac.ui;

import io.mcpiac.mcp.server.HttpSettings;
import io.mcpiac.mcp.server.RequestGuard;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * Every request, assets included, passes the MCP HTTP transport's own {@link RequestGuard}: Origin
 * and Host (DNS rebinding), then the token. The page sends the token as {@code Authorization:
 * Bearer}; where a browser cannot set a header (the first page load, {@code <script src>},
 * EventSource) it comes as {@code ?token=} and is checked the same way.
 */
final class Guard implements Filter {
  static final String TOKEN_PARAMETER = "token";
  private final RequestGuard guard;

  Guard(UiSettings settings) {
    this.guard =
        new RequestGuard(
            new HttpSettings(
                settings.bind(), settings.port(), settings.token(), List.of(), List.of()));
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    try {
      guard.validate(headers(request));
    } catch (ServerTransportSecurityException e) {
      response.setStatus(e.getStatusCode());
      response.setContentType("text/plain;charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      response
          .getOutputStream()
          .write(
              (e.getMessage()
                      + (e.getStatusCode() == 401
                          ? ": open the URL mcp-iac ui printed (it carries ?token=...)\n"
                          : "\n"))
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    // no other site may frame or read the page; nothing is fetched from elsewhere
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    chain.doFilter(req, res);
  }

  /** The request's headers, with a {@code ?token=} given as the bearer token it stands for. */
  private static HeaderAccessor headers(HttpServletRequest request) {
    String query = request.getParameter(TOKEN_PARAMETER);
    return new HeaderAccessor() {
      @Override
      public List<String> getHeader(String name) {
        if (query != null && "Authorization".equalsIgnoreCase(name)) {
          return request.getHeader("Authorization") == null
              ? List.of("Bearer " + query)
              : List.of("Bearer " + query, request.getHeader("Authorization"));
        }
        return Collections.list(request.getHeaders(name));
      }

      @Override
      public List<String> getHeaderNames() {
        return Collections.list(request.getHeaderNames());
      }
    };
  }
}
