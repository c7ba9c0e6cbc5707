package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.mcp.McpClients.Session;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with an OPNsense instance offers planNetworkDeployment and applyNetworkDeployment, and
 * they change a (emulated) firewall.
 */
class NetworkToolsTest {
  @TempDir Path dir;

  @Test
  void networkToolsPlanAndApplyFirewallRules() throws Exception {
    try (FirewallServer server = new FirewallServer(dir)) {
      Session s = server.session;
      assertThat(s.client().listTools().tools())
          .extracting(McpSchema.Tool::name)
          .contains("planNetworkDeployment", "applyNetworkDeployment");

      JsonNode wrong =
          s.call(
              "planNetworkDeployment",
              Map.of(
                  "deploymentId",
                  "net",
                  "resources",
                  List.of(Map.of("type", "core:data", "name", "x", "properties", Map.of()))));
      assertThat(wrong.path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");

      List<Map<String, Object>> rules = List.of(rule("allow-ssh", 22), rule("allow-https", 443));
      JsonNode plan =
          s.call("planNetworkDeployment", Map.of("deploymentId", "net", "resources", rules));
      assertThat(plan.path("success").asBoolean()).as(plan.toString()).isTrue();
      JsonNode applied =
          s.callWithProgress(
              "applyNetworkDeployment",
              Map.of("planId", plan.path("data").path("planId").asText()),
              "net");
      assertThat(applied.path("success").asBoolean()).as(applied.toString()).isTrue();
      assertThat(s.progressArrived()).isNotEmpty();

      JsonNode state = s.call("getDeploymentState", Map.of("deploymentId", "net"));
      assertThat(state.path("data").path("resources").findValuesAsText("name"))
          .containsExactlyInAnyOrder("allow-ssh", "allow-https");
      assertThat(state.path("data").path("resources").get(0).path("id").asText()).isNotBlank();

      JsonNode again =
          s.call("planNetworkDeployment", Map.of("deploymentId", "net", "resources", rules));
      assertThat(again.path("data").path("hasChanges").asBoolean()).isFalse();
    }
  }

  private static Map<String, Object> rule(String name, int port) {
    return Map.of(
        "type",
        "opnsense:firewall:rule",
        "name",
        name,
        "properties",
        Map.of(
            "interface", "lan",
            "source", "any",
            "port", port,
            "action", "pass",
            "description", name));
  }
}
