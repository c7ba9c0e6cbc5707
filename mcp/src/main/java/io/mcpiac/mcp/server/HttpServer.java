package io.mcpiac.mcp.server;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.URI;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The server over Streamable HTTP on Jetty, at {@code http://BIND:PORT/mcp}. */
public final class HttpServer implements AutoCloseable {
  private final Server jetty;
  private final McpSyncServer server;
  private final URI url;

  private HttpServer(Server jetty, McpSyncServer server, URI url) {
    this.jetty = jetty;
    this.server = server;
    this.url = url;
  }

  /**
   * Starts listening.
   *
   * @throws IllegalStateException when bound beyond loopback without a token
   * @throws Exception when Jetty cannot start (port taken, bad address)
   */
  public static HttpServer start(IacServer iac, HttpSettings settings) throws Exception {
    if (!settings.loopback() && settings.token() == null) {
      throw new IllegalStateException(
          "binding to "
              + settings.bind()
              + " needs a bearer token: set "
              + HttpSettings.TOKEN_VARIABLE
              + " (clients send Authorization: Bearer <token>)");
    }
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(settings.bind());
    connector.setPort(settings.port());
    jetty.addConnector(connector);
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(IacServer.JSON)
            .mcpEndpoint(HttpSettings.ENDPOINT)
            .httpHeaderValidator(new RequestGuard(settings))
            .build();
    McpSyncServer server = iac.build(McpServer.sync(transport));
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder holder = new ServletHolder(transport);
    holder.setAsyncSupported(true);
    context.addServlet(holder, HttpSettings.ENDPOINT);
    context.addFilter(
        new org.eclipse.jetty.ee11.servlet.FilterHolder(new JsonRpcFilter()),
        HttpSettings.ENDPOINT,
        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      server.close();
      jetty.stop();
      throw e;
    }
    String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
    URI url = URI.create("http://" + host + ":" + connector.getLocalPort() + HttpSettings.ENDPOINT);
    return new HttpServer(jetty, server, url);
  }

  public URI url() {
    return url;
  }

  public void join() throws InterruptedException {
    jetty.join();
  }

  @Override
  public void close() {
    try {
      server.closeGracefully();
    } finally {
      try {
        jetty.stop();
      } catch (Exception e) {
        // stopping is best effort at shutdown
      }
    }
  }
}
