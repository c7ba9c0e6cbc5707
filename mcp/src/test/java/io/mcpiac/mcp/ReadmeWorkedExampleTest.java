package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.mcp.McpClients.Session;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's worked MCP example, step by step, with the arguments exactly as the README writes
 * them (the test reads them from README.md), against the emulated firewall.
 */
class ReadmeWorkedExampleTest {
  @TempDir Path dir;

  /** The backquoted tool calls of the README's worked example, in order. */
  private static List<String> readmeSteps() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("A worked example");
    String example = readme.substring(start, readme.indexOf("Tested with the SDK", start));
    return java.util.regex.Pattern.compile("`([a-zA-Z]+ \\{.*?\\})`|`(\\[\\{.*?\\}\\])`")
        .matcher(example.replace("\n   ", " "))
        .results()
        .map(m -> m.group(1) != null ? m.group(1) : "resources " + m.group(2))
        .collect(Collectors.toList());
  }

  private static Map<String, Object> args(String step, Map<String, String> replacements) {
    String json = step.substring(step.indexOf(' ') + 1);
    for (var r : replacements.entrySet()) {
      json = json.replace(r.getKey(), r.getValue());
    }
    return Json.MAPPER.convertValue(Json.parse(json), Map.class);
  }

  @Test
  void theWorkedExampleRunsAsWritten() throws Exception {
    List<String> steps = readmeSteps();
    assertThat(steps).hasSize(6);
    String resources = steps.get(0).substring("resources ".length());
    try (FirewallServer server = new FirewallServer(dir)) {
      Session s = server.session;
      // 1. the schema the assistant reads
      var schema =
          s.client().readResource(new McpSchema.ReadResourceRequest("mcp-iac://schema/deployment"));
      assertThat(((McpSchema.TextResourceContents) schema.contents().get(0)).text())
          .contains("opnsense:firewall:rule");
      // 2. createCheckpoint
      JsonNode cp = s.call("createCheckpoint", args(steps.get(1), Map.of()));
      assertThat(cp.path("success").asBoolean()).as(cp.toString()).isTrue();
      String checkpointId = cp.path("data").path("id").asText();
      assertThat(checkpointId).isNotBlank();
      // 3. planNetworkDeployment, with the resources of step 1
      JsonNode plan = s.call("planNetworkDeployment", args(steps.get(2), Map.of("[…]", resources)));
      assertThat(plan.path("success").asBoolean()).as(plan.toString()).isTrue();
      assertThat(plan.toString())
          .contains("Plan: 1 to add, 0 to change, 0 to replace, 0 to destroy.");
      String planId = plan.path("data").path("planId").asText();
      // 4. applyNetworkDeployment with that plan
      var applied =
          s.client()
              .callTool(
                  McpSchema.CallToolRequest.builder()
                      .name("applyNetworkDeployment")
                      .arguments(args(steps.get(3), Map.of("plan-1a2b3c4d", planId)))
                      .progressToken("t")
                      .build());
      String text = ((McpSchema.TextContent) applied.content().get(0)).text();
      assertThat(text)
          .contains("✓ create allow-ssh", "Deployment 'admin' succeeded", "(state version 1)");
      // 5. getDeploymentState shows the rule with its OPNsense UUID
      JsonNode state = s.call("getDeploymentState", args(steps.get(4), Map.of()));
      JsonNode rule = state.path("data").path("resources").get(0);
      assertThat(rule.path("name").asText()).isEqualTo("allow-ssh");
      assertThat(rule.path("id").asText()).matches("[0-9a-f-]{36}");
      // 6. restoreCheckpoint converges back: the rule is gone again
      JsonNode restored =
          s.call("restoreCheckpoint", args(steps.get(5), Map.of("…", checkpointId)));
      assertThat(restored.path("success").asBoolean()).as(restored.toString()).isTrue();
      JsonNode after = s.call("getDeploymentState", args(steps.get(4), Map.of()));
      assertThat(after.path("data").path("resources")).isEmpty();
    }
  }
}
