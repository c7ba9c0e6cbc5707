package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.mcp.server.HttpServer;
import io.mcpiac.mcp.server.HttpSettings;
import io.mcpiac.mcp.server.IacServer;
import io.mcpiac.mcp.server.ServerSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send what they should not, over real transports: raw HTTP requests with malformed
 * JSON-RPC and forged headers, and a real child process on stdio fed a line that is not JSON and
 * then the end of its input.
 */
class HostileClientsTest {
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  @TempDir Path dir;
  private StateStore store;
  private IacServer iac;
  private HttpServer http;

  @BeforeEach
  void start() throws Exception {
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
    iac = new IacServer(new Engine(registry, store), new ServerSettings("mcp-iac", "test", false));
    http = HttpServer.start(iac, HttpSettings.loopback(0, null));
  }

  @AfterEach
  void stop() {
    http.close();
    iac.close();
    store.close();
  }

  @Test
  void malformedJsonRpcOverHttpGetsJsonRpcErrorsWithoutInternals() throws IOException {
    List<String> notJson = List.of("{", "not json", "{\"jsonrpc\":\"2.0\",", "\u0000", "[1,");
    for (String body : notJson) {
      String answer = post(body, List.of());
      assertThat(answer).as(body).startsWith("HTTP/1.1 400").contains("-32700");
      assertNoInternals(answer);
    }
    List<String> notRequests =
        List.of(
            "42",
            "\"x\"",
            "null",
            "[]",
            "[1,2]",
            "{}",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":42}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":7}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}");
    for (String body : notRequests) {
      String answer = post(body, List.of());
      assertThat(answer).as(body).startsWith("HTTP/1.1 400").contains("-32600");
      assertNoInternals(answer);
    }
    assertThat(post(INITIALIZE, List.of())).startsWith("HTTP/1.1 200");
  }

  @Test
  void providerSettingsInToolArgumentsAreIgnoredAndTheAnswerSaysSo() {
    String yaml =
        "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: redirect}\nspec:\n"
            + "  providers:\n    core: {url: \"http://evil.example\"}\n  resources:\n"
            + "    - {type: core:data, name: a, properties: {input: 1}}\n";
    var transport =
        io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport.builder(
                "http://127.0.0.1:" + http.url().getPort())
            .endpoint(http.url().getPath())
            .jsonMapper(IacServer.JSON)
            .build();
    try (McpClients.Session s = McpClients.connect(transport, null)) {
      for (String tool : List.of("validateConfig", "planDeployment")) {
        var answer = s.call(tool, java.util.Map.of("deployment", yaml));
        assertThat(answer.path("success").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.path("data").path("warnings").toString())
            .as(tool)
            .contains("spec.providers['core'] is ignored");
      }
    }
  }

  @Test
  void duplicateHostOrOriginAndUserInfoOriginsAreRefused() throws IOException {
    int port = http.url().getPort();
    assertThat(post(INITIALIZE, List.of("Host: evil.example"))).doesNotStartWith("HTTP/1.1 200");
    assertThat(post(INITIALIZE, List.of("Origin: http://localhost:3000", "Origin: http://evil")))
        .doesNotStartWith("HTTP/1.1 200");
    assertThat(post(INITIALIZE, List.of("Origin: http://localhost:1@evil.example")))
        .startsWith("HTTP/1.1 403");
    assertThat(post(INITIALIZE, List.of("Origin: http://localhost:" + port)))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  @Timeout(
      value = 60,
      threadMode =
          Timeout.ThreadMode
              .SEPARATE_THREAD) // a server that stops answering must fail this test, not hang it
  void stdioAnswersAParseErrorGoesOnAndExitsWhenInputEnds() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                StdioTestServer.class.getName(),
                dir.resolve("stdio.db").toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      OutputStream in = p.getOutputStream();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      send(in, INITIALIZE);
      assertThat(out.readLine()).contains("\"id\":1").contains("protocolVersion");
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(in, "this is not JSON");
      String error = out.readLine();
      assertThat(error).contains("-32700");
      assertNoInternals(error);
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
      assertThat(out.readLine()).contains("\"id\":2").contains("planDeployment");
      in.close(); // the client goes away
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the server exits at end of input").isTrue();
      assertThat(p.exitValue()).isZero();
    } finally {
      p.destroyForcibly();
    }
  }

  private static void send(OutputStream in, String line) throws IOException {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private static void assertNoInternals(String answer) {
    assertThat(answer)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("at io.")
        .doesNotContain("com.fasterxml");
  }

  private String post(String body, List<String> extraHeaders) throws IOException {
    int port = http.url().getPort();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<String> headers = new ArrayList<>();
    headers.add("Host: 127.0.0.1:" + port);
    headers.addAll(extraHeaders);
    StringBuilder req = new StringBuilder("POST /mcp HTTP/1.1\r\n");
    for (String h : headers) {
      req.append(h).append("\r\n");
    }
    req.append("Content-Type: application/json\r\n")
        .append("Accept: application/json, text/event-stream\r\n")
        .append("Content-Length: ")
        .append(bytes.length)
        .append("\r\nConnection: close\r\n\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
