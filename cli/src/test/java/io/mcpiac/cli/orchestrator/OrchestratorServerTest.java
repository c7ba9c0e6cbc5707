package io.mcpiac.cli.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.mcp.server.IacServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcp-iac serve --orchestrator --servers servers.yaml}: an MCP server with the standard tool
 * set whose engine reaches the provider servers; an MCP client plans and applies one deployment
 * across them.
 */
class OrchestratorServerTest {
  static final String TOKEN = "orchestrator-token";

  @TempDir Path dir;
  FirewallAndAppServers parts;
  Process orchestrator;
  McpSyncClient client;

  @BeforeEach
  void start() throws Exception {
    parts = new FirewallAndAppServers(dir);
    int port = Processes.freePort();
    java.util.Map<String, String> env = new java.util.HashMap<>(parts.env());
    env.put("MCP_IAC_TOKEN", TOKEN);
    orchestrator =
        Processes.startHttpServer(
            dir,
            "orchestrator",
            port,
            List.of(
                "--orchestrator",
                "--servers",
                parts.servers.toString(),
                "--state",
                "sqlite:" + dir.resolve("orch.db")),
            env);
    client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp")
                    .jsonMapper(IacServer.JSON)
                    .requestBuilder(
                        HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN))
                    .build())
            .requestTimeout(Duration.ofSeconds(120))
            .build();
    client.initialize();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.closeGracefully();
    }
    if (orchestrator != null) {
      orchestrator.destroyForcibly();
    }
    parts.close();
  }

  JsonNode call(String tool, Map<String, Object> args) {
    return Json.MAPPER.valueToTree(
        client.callTool(new McpSchema.CallToolRequest(tool, args)).structuredContent());
  }

  @Test
  void anMcpClientAppliesOneDeploymentAcrossTwoProviderServers() throws Exception {
    List<Map<String, Object>> resources =
        List.of(
            Map.of("type", "core:data", "name", "app-1", "properties", Map.of("input", "10.7.0.9")),
            Map.of(
                "type",
                "opnsense:service:haproxy:server",
                "name",
                "web-1",
                "properties",
                Map.of("address", "${core:data:app-1.output}", "port", 8080)));
    JsonNode plan = call("planDeployment", Map.of("deploymentId", "web", "resources", resources));
    assertThat(plan.path("success").asBoolean()).as(plan.toString()).isTrue();
    assertThat(plan.path("data").path("summary").asText()).contains("2 to add");

    JsonNode applied =
        call("applyDeployment", Map.of("planId", plan.path("data").path("planId").asText()));
    assertThat(applied.path("success").asBoolean()).as(applied.toString()).isTrue();
    assertThat(parts.haproxy("Servers").get("web-1").path("address").asText())
        .isEqualTo("10.7.0.9");

    JsonNode state = call("getDeploymentState", Map.of("deploymentId", "web"));
    assertThat(state.path("data").path("resources").toString()).contains("app-1").contains("web-1");

    // the orchestrator's schemas are the provider servers' own
    McpSchema.ListResourcesResult listed = client.listResources();
    assertThat(listed.resources())
        .extracting(McpSchema.Resource::uri)
        .contains("mcp-iac://schema/types/opnsense:service:haproxy:server");
  }

  /**
   * Through the orchestrator's own MCP server: a later plan that changes only the HAProxy server
   * restates the untouched user with the password the client gave; the firewall keeps the user as
   * it was, and no answer carries the password.
   */
  @Test
  void anUntouchedSecretIsRestatedAndNoAnswerCarriesIt() throws Exception {
    String password = "Orchestrated-passw0rd";
    List<String> answers = new java.util.ArrayList<>();
    for (int port : List.of(8080, 8081)) {
      List<Map<String, Object>> resources =
          List.of(
              Map.of(
                  "type",
                  "opnsense:security:user",
                  "name",
                  "ops",
                  "properties",
                  Map.of("password", password)),
              Map.of(
                  "type",
                  "opnsense:service:haproxy:server",
                  "name",
                  "web-1",
                  "properties",
                  Map.of("address", "10.7.0.9", "port", port)));
      JsonNode plan = call("planDeployment", Map.of("deploymentId", "web", "resources", resources));
      assertThat(plan.path("success").asBoolean()).as(plan.toString()).isTrue();
      JsonNode applied =
          call("applyDeployment", Map.of("planId", plan.path("data").path("planId").asText()));
      assertThat(applied.path("success").asBoolean()).as(applied.toString()).isTrue();
      answers.add(plan.toString());
      answers.add(applied.toString());
      if (port == 8080) {
        parts.emulator.calls().reset();
      }
    }
    answers.add(call("getDeploymentState", Map.of("deploymentId", "web")).toString());

    assertThat(parts.haproxy("Servers").get("web-1").path("port").asText()).isEqualTo("8081");
    assertThat(parts.user("ops").path("password").asText())
        .isEqualTo(io.mcpiac.opnsense.emulator.api.ApiKeys.hash(password));
    assertThat(parts.emulator.calls().toJson().path("calls").toString())
        .doesNotContain("/api/auth/user/set")
        .doesNotContain("/api/auth/user/add");
    assertThat(answers).allSatisfy(a -> assertThat(a).doesNotContain(password));
  }
}
