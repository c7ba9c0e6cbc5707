package io.mcpiac.ui;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@code mcp-iac ui}: the local web page on Jetty. The page and its assets at {@code /}, the JSON
 * API and the server-sent events under {@code /api}; every request passes {@link Guard}.
 */
public final class UiServer implements AutoCloseable {
  private final Server jetty;
  private final Runs runs;
  private final URI url;

  private UiServer(Server jetty, Runs runs, URI url) {
    this.jetty = jetty;
    this.runs = runs;
    this.url = url;
  }

  /**
   * Starts listening.
   *
   * @throws Exception when Jetty cannot start (port taken, bad address)
   */
  public static UiServer start(UiBackend backend, UiSettings settings) throws Exception {
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(settings.bind());
    connector.setPort(settings.port());
    jetty.addConnector(connector);
    Runs runs = new Runs();
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addFilter(
        new FilterHolder(new Guard(settings)), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new ApiServlet(backend, runs)), "/api/*");
    context.addServlet(new ServletHolder(new AssetServlet(settings)), "/*");
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      runs.close();
      jetty.stop();
      throw e;
    }
    String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
    URI url =
        URI.create(
            "http://"
                + host
                + ":"
                + connector.getLocalPort()
                + "/?"
                + Guard.TOKEN_PARAMETER
                + "="
                + settings.token());
    return new UiServer(jetty, runs, url);
  }

  /** The page's address with its access token. */
  public URI url() {
    return url;
  }

  public void join() throws InterruptedException {
    jetty.join();
  }

  @Override
  public void close() {
    runs.close();
    try {
      jetty.stop();
    } catch (Exception e) {
      // stopping is best effort at shutdown
    }
  }
}
