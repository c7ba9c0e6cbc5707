package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.mcp.McpClients.Session;
import io.mcpiac.mcp.server.HttpServer;
import io.mcpiac.mcp.server.HttpSettings;
import io.mcpiac.mcp.server.IacServer;
import io.mcpiac.mcp.server.ServerSettings;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over Streamable HTTP on Jetty, driven by the Java SDK's client. */
class HttpServerTest extends McpServerContract {
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();
  private HttpServer server;
  private HttpServer readOnly;

  @BeforeEach
  void start() throws Exception {
    server = start(false, null);
    readOnly = start(true, null);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private HttpServer start(boolean readOnlyServer, String token) throws Exception {
    StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
    IacServer iac =
        new IacServer(
            new Engine(registry, store), new ServerSettings("mcp-iac", "test", readOnlyServer));
    HttpServer http = HttpServer.start(iac, HttpSettings.loopback(0, token));
    open.add(store);
    open.add(iac);
    open.add(http);
    return http;
  }

  @Override
  McpClientTransport transport() {
    return transportTo(server.url(), null);
  }

  @Override
  McpClientTransport readOnlyTransport() {
    return transportTo(readOnly.url(), null);
  }

  private static McpClientTransport transportTo(URI url, String token) {
    var request = java.net.http.HttpRequest.newBuilder();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClientStreamableHttpTransport.builder(url.getScheme() + "://" + url.getAuthority())
        .endpoint(url.getPath())
        .jsonMapper(IacServer.JSON)
        .requestBuilder(request)
        .build();
  }

  @Test
  void rejectsForeignOriginsAndHosts() throws IOException {
    int port = server.url().getPort();
    assertThat(post(port, "127.0.0.1:" + port, "http://evil.example", null))
        .startsWith("HTTP/1.1 403");
    assertThat(post(port, "evil.example:" + port, null, null)).startsWith("HTTP/1.1 421");
    assertThat(post(port, "localhost:" + port, "http://localhost:3000", null))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void aConfiguredTokenIsRequired() throws Exception {
    HttpServer guarded = start(false, "s3cret");
    int port = guarded.url().getPort();
    assertThat(post(port, "127.0.0.1:" + port, null, null)).startsWith("HTTP/1.1 401");
    assertThat(post(port, "127.0.0.1:" + port, null, "wrong")).startsWith("HTTP/1.1 401");
    assertThat(post(port, "127.0.0.1:" + port, null, "s3cret")).startsWith("HTTP/1.1 200");
    assertThatThrownBy(
            () -> McpClients.connect(transportTo(guarded.url(), null), null).client().listTools())
        .isInstanceOf(RuntimeException.class);
    try (Session s = McpClients.connect(transportTo(guarded.url(), "s3cret"), null)) {
      assertThat(s.client().listTools().tools()).hasSize(STANDARD_TOOLS.size());
    }
  }

  @Test
  void refusesToListenBeyondLoopbackWithoutAToken() {
    StateStore store = StateStores.open("sqlite:" + dir.resolve("other.db"));
    open.add(store);
    IacServer iac =
        new IacServer(
            new Engine(new ProviderRegistry().register("core", new CoreProvider()), store),
            new ServerSettings("mcp-iac", "test", false));
    open.add(iac);
    assertThatThrownBy(
            () -> HttpServer.start(iac, new HttpSettings("0.0.0.0", 0, null, List.of(), List.of())))
        .hasMessageContaining(HttpSettings.TOKEN_VARIABLE);
  }

  @Test
  void eightClientsAtOnceEachWithItsOwnDeployment() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<JsonNode>> states = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String name = "tenant-" + i;
        int n = i;
        states.add(
            pool.submit(
                () -> {
                  try (Session s = connect()) {
                    String planId =
                        planId(
                            s,
                            name,
                            List.of(
                                data("first", "v" + n),
                                data("second", "${first.output}", "first")));
                    JsonNode applied =
                        s.callWithProgress("applyDeployment", Map.of("planId", planId), name);
                    assertThat(applied.path("success").asBoolean()).as(applied.toString()).isTrue();
                    assertThat(s.progressArrived()).isNotEmpty();
                    return s.call("getDeploymentState", Map.of("deploymentId", name));
                  }
                }));
      }
      for (int i = 0; i < 8; i++) {
        JsonNode state = states.get(i).get().path("data");
        assertThat(state.path("deployment").asText()).isEqualTo("tenant-" + i);
        assertThat(state.path("version").asLong()).isEqualTo(1);
        assertThat(state.path("resources").get(1).path("outputs").path("output").asText())
            .isEqualTo("v" + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aStalePlanIsRefused() {
    try (Session s = connect()) {
      String first = planId(s, "stale", List.of(data("a", 1)));
      String second = planId(s, "stale", List.of(data("a", 2)));
      assertThat(s.call("applyDeployment", Map.of("planId", second)).path("success").asBoolean())
          .isTrue();
      JsonNode stale = s.call("applyDeployment", Map.of("planId", first));
      assertThat(stale.path("error").path("code").asText()).isEqualTo("PLAN_STALE");
    }
  }

  @Test
  void elicitationConfirmsDeletionsWhenTheClientSupportsIt() {
    List<String> asked = new ArrayList<>();
    try (Session s =
        McpClients.connect(
            transport(),
            request -> {
              asked.add(request.message());
              return new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true));
            })) {
      assertThat(
              s.call("applyDeployment", Map.of("planId", planId(s, "el", List.of(data("x", 1)))))
                  .path("success")
                  .asBoolean())
          .isTrue();
      JsonNode destroyed = s.call("destroyDeployment", Map.of("deploymentId", "el"));
      assertThat(destroyed.path("success").asBoolean()).as(destroyed.toString()).isTrue();
      assertThat(asked).hasSize(1);
      assertThat(asked.get(0)).contains("x");
    }
  }

  @Test
  void resourcesAndPromptsHelpWriteValidConfigurations() {
    try (Session s = connect()) {
      List<String> uris =
          s.client().listResources().resources().stream().map(McpSchema.Resource::uri).toList();
      assertThat(uris).contains("mcp-iac://schema/deployment", "mcp-iac://schema/types/core:data");
      var schema =
          s.client().readResource(new McpSchema.ReadResourceRequest("mcp-iac://schema/deployment"));
      String text = ((McpSchema.TextResourceContents) schema.contents().get(0)).text();
      assertThat(text).contains("core:data").contains("iac.mcp/v1");
      assertThat(s.client().listPrompts().prompts())
          .extracting(McpSchema.Prompt::name)
          .contains("expose-service", "isolate-vlan");

      s.call("applyDeployment", Map.of("planId", planId(s, "res", List.of(data("r", 1)))));
      var state =
          s.client()
              .readResource(new McpSchema.ReadResourceRequest("mcp-iac://deployments/res/state"));
      assertThat(((McpSchema.TextResourceContents) state.contents().get(0)).text())
          .contains("\"r\"");
    }
  }

  /** A raw POST of initialize, so the Host header can be anything; returns the status line. */
  private static String post(int port, String host, String origin, String token)
      throws IOException {
    byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
    StringBuilder req =
        new StringBuilder("POST /mcp HTTP/1.1\r\n")
            .append("Host: ")
            .append(host)
            .append("\r\n")
            .append("Content-Type: application/json\r\n")
            .append("Accept: application/json, text/event-stream\r\n")
            .append("Content-Length: ")
            .append(body.length)
            .append("\r\nConnection: close\r\n");
    if (origin != null) {
      req.append("Origin: ").append(origin).append("\r\n");
    }
    if (token != null) {
      req.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    req.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        line.append((char) c);
      }
      return line.toString().strip();
    }
  }
}
