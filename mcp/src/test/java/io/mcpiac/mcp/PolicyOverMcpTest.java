package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.mcpiac.policy.CelPolicyService;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policies through an MCP client, as an assistant meets them: a mandatory violation answers
 * POLICY_VIOLATION with every violation in details (the CLI's fields), nothing is applied; advisory
 * findings and exceptions come in the plan's data; checkCompliance and the packs as resources.
 */
class PolicyOverMcpTest {
  @TempDir Path dir;

  private static final String DEPLOYMENT =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: owned}
      spec:
        policies:
          - metadata: {name: owners}
            spec:
              enforcement: ENFORCEMENT
              match: {types: ["core:data"]}
              rules:
                - id: needs-owner
                  condition: has(resource.properties.input.owner)
                  message: every resource names its owner
                  remediation: add input.owner
        resources:
          - {type: core:data, name: a, properties: {input: {owner: ops}}}
          - type: core:data
            name: b
            properties: {input: {}}
          - type: core:data
            name: legacy
            properties: {input: {}}
            policyExceptions: [{rule: needs-owner, reason: "ticket OPS-12"}]
      """;

  @Test
  void policiesReviewPlansAndComplianceAndPacksAreThere() throws Exception {
    try (StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
      try (IacServer iac =
              new IacServer(
                  new Engine(registry, store),
                  new ServerSettings("mcp-iac", "test", false),
                  new CelPolicyService());
          HttpServer http = HttpServer.start(iac, HttpSettings.loopback(0, null));
          Session s = McpClients.connect(http)) {
        JsonNode refused = plan(s, DEPLOYMENT.replace("ENFORCEMENT", "mandatory"));
        assertThat(refused.path("success").asBoolean()).as(refused.toString()).isFalse();
        assertThat(refused.path("error").path("code").asText()).isEqualTo("POLICY_VIOLATION");
        JsonNode v = refused.path("error").path("details").path("violations");
        assertThat(v).hasSize(1);
        assertThat(v.get(0).path("resource").asText()).isEqualTo("b");
        assertThat(v.get(0).path("policy").asText()).isEqualTo("owners");
        assertThat(v.get(0).path("rule").asText()).isEqualTo("needs-owner");
        assertThat(v.get(0).path("property").asText()).isEqualTo("properties.input");
        assertThat(v.get(0).path("remediation").asText()).isEqualTo("add input.owner");
        assertThat(v.get(0).path("line").asInt()).isEqualTo(19); // the line of its input
        assertThat(store.load("owned")).isEmpty();

        JsonNode validated =
            McpClients.envelope(
                s.client()
                    .callTool(
                        new McpSchema.CallToolRequest(
                            "validateConfig",
                            Map.of("deployment", DEPLOYMENT.replace("ENFORCEMENT", "mandatory")))));
        assertThat(validated.path("error").path("code").asText())
            .as(validated.toString())
            .isEqualTo("POLICY_VIOLATION");

        JsonNode advisory = plan(s, DEPLOYMENT.replace("ENFORCEMENT", "advisory"));
        assertThat(advisory.path("success").asBoolean()).as(advisory.toString()).isTrue();
        JsonNode policy = advisory.path("data").path("policy");
        assertThat(policy.path("violations").get(0).path("resource").asText()).isEqualTo("b");
        assertThat(policy.path("violations").get(0).path("enforcement").asText())
            .isEqualTo("advisory");
        assertThat(policy.path("exceptions").get(0).path("reason").asText())
            .isEqualTo("ticket OPS-12");
        JsonNode applied = apply(s, advisory);
        assertThat(applied.path("success").asBoolean()).as(applied.toString()).isTrue();
        var record = store.load("owned").orElseThrow().resource("policy-exceptions").orElseThrow();
        assertThat(record.properties().path("input").path("legacy").get(0).path("reason").asText())
            .isEqualTo("ticket OPS-12");

        JsonNode report =
            McpClients.envelope(
                s.client()
                    .callTool(
                        new McpSchema.CallToolRequest(
                            "checkCompliance",
                            Map.of("pack", "docker-cis", "deploymentId", "owned"))));
        assertThat(report.path("success").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("data").path("pack").asText()).isEqualTo("docker-cis");
        assertThat(report.path("data").path("controls").size()).isGreaterThan(5);
        assertThat(report.path("data").path("controls").get(0).path("status").asText())
            .isEqualTo("NOT_APPLICABLE");

        var listed = s.client().listResources().resources();
        assertThat(listed.stream().map(McpSchema.Resource::uri))
            .contains("mcp-iac://policy-packs", "mcp-iac://policy-packs/opnsense-baseline");
        var read =
            s.client()
                .readResource(
                    new McpSchema.ReadResourceRequest("mcp-iac://policy-packs/docker-cis"));
        String yaml = ((McpSchema.TextResourceContents) read.contents().get(0)).text();
        assertThat(yaml).contains("kind: Policy", "CIS Docker 5.5", "no-privileged");
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
