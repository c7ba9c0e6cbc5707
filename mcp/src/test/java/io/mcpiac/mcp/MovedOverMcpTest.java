package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.mcp.McpClients.Session;
import io.mcpiac.mcp.server.HttpServer;
import io.mcpiac.mcp.server.HttpSettings;
import io.mcpiac.mcp.server.IacServer;
import io.mcpiac.mcp.server.ServerSettings;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment's {@code moved:} list through an MCP client, as the CLI honours it: a rename keeps
 * the recorded object (same id in state), and is neither a destroy nor a create.
 */
class MovedOverMcpTest {
  @TempDir Path dir;

  private static final String BEFORE =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        resources:
          - {type: core:data, name: site, properties: {input: hello}}
          - {type: core:data, name: cache, properties: {input: one}}
      """;

  @Test
  void planAndApplyHonourTheMovedList() throws Exception {
    try (StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
      try (IacServer iac =
              new IacServer(
                  new Engine(registry, store), new ServerSettings("mcp-iac", "test", false));
          HttpServer http = HttpServer.start(iac, HttpSettings.loopback(0, null));
          Session s = McpClients.connect(http)) {
        assertThat(apply(s, plan(s, BEFORE)).path("success").asBoolean()).isTrue();
        String siteId = store.load("web").orElseThrow().resource("site").orElseThrow().id();
        String cacheId = store.load("web").orElseThrow().resource("cache").orElseThrow().id();

        // a rename and, in the same plan, a change: the rename is recorded, the change applied
        String renamed =
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              moved:
                - {from: site, to: www}
              resources:
                - {type: core:data, name: www, properties: {input: hello}}
                - {type: core:data, name: cache, properties: {input: two}}
            """;
        JsonNode plan = plan(s, renamed);
        assertThat(plan.path("success").asBoolean()).as(plan.toString()).isTrue();
        assertThat(plan.path("data").path("summary").asText())
            .as(plan.toString())
            .contains("0 to add", "1 to change", "0 to destroy");
        JsonNode applied = apply(s, plan);
        assertThat(applied.path("success").asBoolean()).as(applied.toString()).isTrue();
        DeploymentState after = store.load("web").orElseThrow();
        assertThat(after.resources().keySet()).containsExactlyInAnyOrder("www", "cache");
        assertThat(after.resource("www").orElseThrow().id()).isEqualTo(siteId);
        assertThat(after.resource("cache").orElseThrow().id()).isEqualTo(cacheId);
        assertThat(after.resource("cache").orElseThrow().properties().path("input").asText())
            .isEqualTo("two");

        // a rename alone: nothing to apply, and applying records it; the next plan is empty
        String again =
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              moved:
                - {from: cache, to: store}
              resources:
                - {type: core:data, name: www, properties: {input: hello}}
                - {type: core:data, name: store, properties: {input: two}}
            """;
        JsonNode renameOnly = plan(s, again);
        assertThat(renameOnly.path("data").path("hasChanges").asBoolean())
            .as(renameOnly.toString())
            .isFalse();
        JsonNode recorded = apply(s, renameOnly);
        assertThat(recorded.path("success").asBoolean()).as(recorded.toString()).isTrue();
        DeploymentState last = store.load("web").orElseThrow();
        assertThat(last.resources().keySet()).containsExactlyInAnyOrder("www", "store");
        assertThat(last.resource("store").orElseThrow().id()).isEqualTo(cacheId);
        JsonNode none = plan(s, again.replace("moved:\n    - {from: cache, to: store}\n  ", ""));
        assertThat(none.path("data").path("hasChanges").asBoolean()).as(none.toString()).isFalse();

        // a moved list that names no resource of the deployment is refused, nothing changes
        JsonNode bad = plan(s, again.replace("to: store}", "to: stroe}"));
        assertThat(bad.path("success").asBoolean()).isFalse();
        assertThat(bad.toString()).contains("VALIDATION_FAILED", "stroe", "did you mean 'store'?");
      }
    }
  }

  private static JsonNode plan(Session s, String yaml) {
    return McpClients.envelope(
        s.client()
            .callTool(new McpSchema.CallToolRequest("planDeployment", Map.of("deployment", yaml))));
  }

  private static JsonNode apply(Session s, JsonNode plan) {
    return McpClients.envelope(
        s.client()
            .callTool(
                new McpSchema.CallToolRequest(
                    "applyDeployment",
                    Map.of(
                        "planId",
                        plan.path("data").path("planId").asText(),
                        "wait",
                        true,
                        "confirm",
                        true))));
  }
}
