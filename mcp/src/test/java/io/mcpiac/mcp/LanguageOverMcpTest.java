package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.mcp.McpClients.Session;
import io.mcpiac.mcp.server.HttpServer;
import io.mcpiac.mcp.server.HttpSettings;
import io.mcpiac.mcp.server.IacServer;
import io.mcpiac.mcp.server.ServerSettings;
import io.mcpiac.opnsense.OpnsenseProviderFactory;
import io.mcpiac.opnsense.emulator.OpnsenseEmulator;
import io.mcpiac.opnsense.emulator.api.ApiKeys;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment language over MCP: variables in the tool's arguments (a sensitive one becomes the
 * OPNsense user's password on the emulator and appears in no answer and no file), outputs in
 * getDeploymentState, and the built-in templates as resources and prompts.
 */
class LanguageOverMcpTest {
  private static final String PASSWORD = "mcp-Secret-93ab1";

  @TempDir Path dir;

  @Test
  void variablesOutputsAndTemplatesOverMcp() throws Exception {
    try (OpnsenseEmulator firewall =
            OpnsenseEmulator.builder().tls(false).apiKey("k").apiSecret("s").build().start();
        StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      Map<String, String> env =
          Map.of(
              "OPNSENSE_URL", firewall.url(),
              "OPNSENSE_API_KEY", "k",
              "OPNSENSE_API_SECRET", "s");
      ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
      registry.register(
          "opnsense", new OpnsenseProviderFactory(env).create("opnsense", Json.object()));
      List<String> answers = new ArrayList<>();
      try (IacServer iac =
              new IacServer(
                  new Engine(registry, store), new ServerSettings("mcp-iac", "test", false));
          HttpServer http = HttpServer.start(iac, HttpSettings.loopback(0, null));
          Session s = McpClients.connect(http)) {
        String yaml =
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: people}
            spec:
              variables:
                login: {type: string}
                password: {type: string, sensitive: true}
              resources:
                - type: opnsense:security:user
                  name: admin
                  properties: {name: "${var.login}", password: "${var.password}"}
                - type: core:data
                  name: copy
                  properties: {input: "${admin.password}"}
              outputs:
                uuid: {value: "${admin.uuid}"}
                who: {value: "${var.login}"}
            """;
        Map<String, Object> vars = Map.of("login", "alice", "password", PASSWORD);

        JsonNode plan =
            call(s, answers, "planDeployment", Map.of("deployment", yaml, "variables", vars));
        assertThat(plan.path("success").asBoolean()).as(plan.toString()).isTrue();
        JsonNode applied =
            call(
                s,
                answers,
                "applyDeployment",
                Map.of("planId", plan.path("data").path("planId").asText(), "wait", true));
        assertThat(applied.path("success").asBoolean()).as(applied.toString()).isTrue();
        assertThat(firewall.state().toString()).contains(ApiKeys.hash(PASSWORD));

        JsonNode state = call(s, answers, "getDeploymentState", Map.of("deploymentId", "people"));
        assertThat(state.path("data").path("outputs").path("who").asText()).isEqualTo("alice");
        assertThat(state.path("data").path("outputs").path("uuid").asText()).isNotBlank();

        JsonNode again =
            call(s, answers, "planDeployment", Map.of("deployment", yaml, "variables", vars));
        assertThat(again.path("data").path("hasChanges").asBoolean())
            .as(again.toString())
            .isFalse();

        JsonNode missing = call(s, answers, "validateConfig", Map.of("deployment", yaml));
        assertThat(missing.toString()).contains("'password'", "no value");

        assertThat(s.client().listResources().resources())
            .extracting(McpSchema.Resource::uri)
            .contains("mcp-iac://templates", "mcp-iac://templates/web-service");
        String library =
            ((McpSchema.TextResourceContents)
                    s.client()
                        .readResource(new McpSchema.ReadResourceRequest("mcp-iac://templates"))
                        .contents()
                        .get(0))
                .text();
        assertThat(library).contains("isolated-vlan", "\"target\"");
        String schema =
            ((McpSchema.TextResourceContents)
                    s.client()
                        .readResource(
                            new McpSchema.ReadResourceRequest("mcp-iac://schema/deployment"))
                        .contents()
                        .get(0))
                .text();
        assertThat(schema).contains("\"forEach\"", "\"variables\"", "template:web-service");
        for (String uri : List.of("mcp-iac://deployments/people/state", "mcp-iac://deployments")) {
          answers.add(
              Json.write(
                  Json.MAPPER.valueToTree(
                      s.client().readResource(new McpSchema.ReadResourceRequest(uri)))));
        }
        assertThat(s.client().listPrompts().prompts())
            .extracting(McpSchema.Prompt::name)
            .contains("template-web-service", "template-isolated-vlan", "template-port-forward");
        McpSchema.GetPromptResult prompt =
            s.client()
                .getPrompt(
                    new McpSchema.GetPromptRequest(
                        "template-port-forward", Map.of("target", "10.0.0.5", "port", "2222")));
        assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text())
            .contains("type: template:port-forward", "target: 10.0.0.5");

        JsonNode destroyed =
            call(
                s,
                answers,
                "destroyDeployment",
                Map.of("deploymentId", "people", "confirm", true, "wait", true));
        assertThat(destroyed.path("success").asBoolean()).as(destroyed.toString()).isTrue();
      }
      assertThat(String.join("\n", answers)).doesNotContain(PASSWORD);
      store.close();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
              .as(f.toString())
              .doesNotContain(PASSWORD);
        }
      }
    }
  }

  /** Calls a tool and keeps its whole answer (text and structured content) for the grep. */
  private static JsonNode call(
      Session s, List<String> answers, String tool, Map<String, Object> args) {
    McpSchema.CallToolResult result =
        s.client().callTool(new McpSchema.CallToolRequest(tool, args));
    answers.add(Json.write(Json.MAPPER.valueToTree(result)));
    return McpClients.envelope(result);
  }
}
