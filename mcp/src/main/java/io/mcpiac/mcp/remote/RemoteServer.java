package io.mcpiac.mcp.remote;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.mcp.envelope.Response;
import io.mcpiac.mcp.protocol.ToolArguments;
import io.mcpiac.mcp.resources.IacResources;
import io.mcpiac.mcp.server.IacServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MCP connection to one provider server, through the standard IaC tools only. Connects on first
 * use; a stdio server that died is started again on the next call (its state file survives, and its
 * own journal recovery finishes what it left half-done). Calls are serialised: the server's part of
 * a deployment is planned and applied as one sub-deployment, one batch at a time.
 */
public final class RemoteServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteServer.class);

  private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);
  private static final Duration PING_PATIENCE = Duration.ofSeconds(20);

  /** Runs calls so their caller can watch the server meanwhile; daemon threads. */
  private static final java.util.concurrent.ExecutorService WATCH =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "mcp-iac-remote-call");
            t.setDaemon(true);
            return t;
          });

  private final ServerSpec spec;
  private McpSyncClient client;

  /** The stdio server's process: its death ends a waiting call at once. */
  private volatile ProcessHandle process;

  /** Stdio servers start one at a time, so each knows which new child process is its own. */
  private static final Object SPAWN = new Object();

  public RemoteServer(ServerSpec spec) {
    this.spec = spec;
  }

  public ServerSpec spec() {
    return spec;
  }

  public String name() {
    return spec.name();
  }

  /**
   * Calls a standard tool. Transport failures (the server died, stopped answering, refused the
   * token) become a {@link ProviderException} naming the server; an envelope with {@code success:
   * false} is returned as it is.
   */
  public synchronized Response call(ToolArguments arguments) {
    String tool = arguments.tool().toolName();
    McpSyncClient c = connected();
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> args = Json.MAPPER.convertValue(arguments.toJson(), Map.class);
      McpSchema.CallToolRequest request =
          McpSchema.CallToolRequest.builder().name(tool).arguments(args).build();
      McpSchema.CallToolResult result = watched(c, () -> c.callTool(request));
      return Response.fromJson(Json.MAPPER.valueToTree(result.structuredContent()))
          .orElseThrow(
              () ->
                  new ProviderException(
                      spec.describe()
                          + " answered "
                          + tool
                          + " without an envelope: "
                          + (result.content() == null || result.content().isEmpty()
                              ? "no answer"
                              : String.valueOf(result.content().get(0)))));
    } catch (ProviderException e) {
      throw e;
    } catch (RuntimeException e) {
      disconnect();
      throw new ProviderException(
          spec.describe() + " did not answer " + tool + ": " + rootMessage(e), e);
    }
  }

  /**
   * Waits for a call while checking that the server is still there: a server that dies in the
   * middle of a long call (an apply) leaves the Java client waiting until its request timeout, so a
   * ping that fails outright ends the wait at once.
   */
  private <T> T watched(McpSyncClient c, java.util.concurrent.Callable<T> work) {
    java.util.concurrent.Future<T> call = WATCH.submit(work);
    while (true) {
      try {
        return call.get(WATCH_INTERVAL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        ProcessHandle p = process;
        String gone =
            p != null && !p.isAlive() ? "its process " + p.pid() + " ended" : pingFailure(c);
        if (gone != null) {
          call.cancel(true);
          throw new ProviderException("the server stopped answering (" + gone + ")");
        }
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new ProviderException(rootMessage(e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        call.cancel(true);
        throw new ProviderException("interrupted while waiting for the server", e);
      }
    }
  }

  /** Null when the server answers a ping (or is merely slow to); else why it does not. */
  private static String pingFailure(McpSyncClient c) {
    java.util.concurrent.Future<Object> ping = WATCH.submit(c::ping);
    try {
      ping.get(PING_PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return null;
    } catch (java.util.concurrent.TimeoutException slow) {
      ping.cancel(true);
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      String m = rootMessage(e);
      // a ping refused by a live server's timeout is not a death
      return m.contains("Timeout") ? null : m;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Reads an MCP resource's text. */
  public synchronized String readResource(String uri) {
    McpSyncClient c = connected();
    try {
      McpSchema.ReadResourceResult r = c.readResource(new McpSchema.ReadResourceRequest(uri));
      StringBuilder text = new StringBuilder();
      for (McpSchema.ResourceContents content : r.contents()) {
        if (content instanceof McpSchema.TextResourceContents t) {
          text.append(t.text());
        }
      }
      return text.toString();
    } catch (RuntimeException e) {
      disconnect();
      throw new ProviderException(
          spec.describe() + " did not answer reading " + uri + ": " + rootMessage(e), e);
    }
  }

  /** The URIs of the resource-type schemas the server offers. */
  public synchronized List<String> typeSchemaUris() {
    McpSyncClient c = connected();
    try {
      List<String> uris = new ArrayList<>();
      String cursor = null;
      do {
        McpSchema.ListResourcesResult page = c.listResources(cursor);
        for (McpSchema.Resource r : page.resources()) {
          if (r.uri().startsWith(IacResources.TYPE_SCHEMA_PREFIX)) {
            uris.add(r.uri());
          }
        }
        cursor = page.nextCursor();
      } while (cursor != null && !cursor.isEmpty());
      return uris;
    } catch (RuntimeException e) {
      disconnect();
      throw new ProviderException(
          spec.describe() + " did not list its resource types: " + rootMessage(e), e);
    }
  }

  private McpSyncClient connected() {
    if (client != null) {
      return client;
    }
    if (!spec.stdio()) {
      return connect();
    }
    synchronized (SPAWN) {
      java.util.Set<Long> before = new java.util.HashSet<>();
      ProcessHandle.current().children().forEach(h -> before.add(h.pid()));
      McpSyncClient c = connect();
      process =
          ProcessHandle.current()
              .children()
              .filter(h -> !before.contains(h.pid()))
              .findFirst()
              .orElse(null);
      return c;
    }
  }

  private McpSyncClient connect() {
    McpClientTransport transport = spec.stdio() ? stdioTransport() : httpTransport();
    McpSyncClient c =
        McpClient.sync(transport)
            // the Java client's default of 20 s would cut a long apply; progress does not reset it
            .requestTimeout(spec.timeout())
            .initializationTimeout(Duration.ofSeconds(60))
            .clientInfo(new McpSchema.Implementation("mcp-iac-orchestrator", "1"))
            .progressConsumer(
                p -> LOG.info("[{}] {}", spec.name(), p.message() == null ? "" : p.message()))
            .build();
    try {
      c.initialize();
    } catch (RuntimeException e) {
      try {
        c.close();
      } catch (RuntimeException ignored) {
        // the connection never came up
      }
      throw new ProviderException(spec.describe() + " could not be reached: " + rootMessage(e), e);
    }
    client = c;
    return c;
  }

  private McpClientTransport stdioTransport() {
    List<String> command = spec.command();
    ServerParameters params =
        ServerParameters.builder(command.get(0))
            .args(command.subList(1, command.size()))
            .env(spec.env())
            .build();
    StdioClientTransport t = new StdioClientTransport(params, IacServer.JSON);
    // the server's log lines join the orchestrator's stderr, named after the server
    t.setStdErrorHandler(line -> System.err.println("[" + spec.name() + "] " + line));
    return t;
  }

  private McpClientTransport httpTransport() {
    HttpRequest.Builder request = HttpRequest.newBuilder();
    if (spec.tokenEnv() != null) {
      String token = System.getenv(spec.tokenEnv());
      if (token == null || token.isBlank()) {
        throw new ProviderException(
            spec.describe()
                + " needs its bearer token in $"
                + spec.tokenEnv()
                + ", which is unset");
      }
      request.header("Authorization", "Bearer " + token);
    }
    var url = spec.url();
    String base = url.getScheme() + "://" + url.getAuthority();
    String path =
        url.getRawPath() == null || url.getRawPath().isEmpty() ? "/mcp" : url.getRawPath();
    return HttpClientStreamableHttpTransport.builder(base)
        .endpoint(path)
        .jsonMapper(IacServer.JSON)
        .requestBuilder(request)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private void disconnect() {
    McpSyncClient c = client;
    client = null;
    if (c != null) {
      try {
        c.close();
      } catch (RuntimeException ignored) {
        // it is already gone
      }
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  @Override
  public synchronized void close() {
    McpSyncClient c = client;
    client = null;
    if (c != null) {
      try {
        c.closeGracefully();
      } catch (RuntimeException e) {
        LOG.debug("closing {}: {}", spec.name(), e.toString());
      }
    }
  }
}
