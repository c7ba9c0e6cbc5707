package io.mcpiac.mcp.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * In front of the SDK's Streamable HTTP servlet: a POST body that is not a JSON-RPC message gets a
 * JSON-RPC error (HTTP 400, parse error or invalid request) instead of the SDK 2.1.0's 400 with a
 * serialised Java exception, and a body over the size limit is refused before it is parsed. A
 * workaround for the SDK; see {@link JsonRpcErrors}.
 */
final class JsonRpcFilter implements Filter {
  /** The largest body: a deployment document at its size limit, with room for the envelope. */
  static final int MAX_BODY_BYTES = StdinGate.MAX_LINE_CHARS;

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) req;
    if (!"POST".equals(http.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    byte[] body;
    try (InputStream in = http.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    HttpServletResponse out = (HttpServletResponse) res;
    if (body.length > MAX_BODY_BYTES) {
      refuse(
          out,
          JsonRpcErrors.error(
              null,
              JsonRpcErrors.INVALID_REQUEST,
              "Invalid Request: the body is larger than " + MAX_BODY_BYTES + " bytes"));
      return;
    }
    String problem = JsonRpcErrors.check(new String(body, StandardCharsets.UTF_8));
    if (problem != null) {
      refuse(out, problem);
      return;
    }
    chain.doFilter(new Buffered(http, body), res);
  }

  private static void refuse(HttpServletResponse out, String error) throws IOException {
    out.setStatus(400);
    out.setContentType("application/json");
    out.setCharacterEncoding("UTF-8");
    out.getWriter().write(error);
  }

  /** The request with its body read once and handed out again. */
  private static final class Buffered extends HttpServletRequestWrapper {
    private final byte[] body;

    Buffered(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body is already read");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
