package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.mcp.McpClients.Session;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code planDeployment}'s {@code keepSecrets}, as any MCP client sends it, against the emulated
 * firewall: a user's password left out and kept is planned as the one the server recorded (no
 * change), and a plan that would write the user is refused, naming the resource and the property,
 * since it needs the value.
 */
class KeepSecretsOverMcpTest {
  static final String PASSWORD = "Str0ng-and-long-pass";

  @TempDir Path dir;

  private static Map<String, Object> user(Map<String, Object> properties, List<String> keep) {
    Map<String, Object> r = new HashMap<>();
    r.put("type", "opnsense:security:user");
    r.put("name", "ops");
    r.put("properties", properties);
    if (!keep.isEmpty()) {
      r.put("keepSecrets", keep);
    }
    return r;
  }

  private static JsonNode plan(Session s, Map<String, Object> resource) {
    return s.call("planDeployment", Map.of("deploymentId", "d", "resources", List.of(resource)));
  }

  /** The firewall's own record of the user (with its password hash), as text. */
  private static String userRecord(FirewallServer server) {
    String state = Json.write(server.firewall.state().path("pending"));
    int at = state.indexOf("\"name\":\"ops\"");
    return at < 0 ? "" : state.substring(Math.max(0, at - 400), Math.min(state.length(), at + 400));
  }

  @Test
  void aKeptSecretIsPlannedAsRecordedAndAPlanThatWouldWriteItsResourceIsRefused() throws Exception {
    try (FirewallServer server = new FirewallServer(dir)) {
      Session s = server.session;
      JsonNode created =
          plan(s, user(Map.of("password", PASSWORD, "description", "operator"), List.of()));
      JsonNode applied =
          s.call(
              "applyDeployment",
              Map.of("planId", created.path("data").path("planId").asText(), "confirm", true));
      assertThat(applied.path("success").asBoolean()).as(applied.toString()).isTrue();
      String before = userRecord(server);
      assertThat(before).contains("sha256:");

      JsonNode kept = plan(s, user(Map.of("description", "operator"), List.of("password")));
      assertThat(kept.path("success").asBoolean()).as(kept.toString()).isTrue();
      assertThat(kept.path("data").path("hasChanges").asBoolean()).as(kept.toString()).isFalse();

      JsonNode write = plan(s, user(Map.of("description", "changed"), List.of("password")));
      assertThat(write.path("success").asBoolean()).as(write.toString()).isFalse();
      assertThat(write.path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
      assertThat(write.path("error").path("message").asText())
          .contains("'ops'")
          .contains("'password'")
          .contains("update");

      JsonNode notSecret =
          plan(s, user(Map.of("description", "operator"), List.of("password", "description")));
      assertThat(notSecret.path("success").asBoolean()).isFalse();
      assertThat(notSecret.path("error").path("message").asText())
          .contains("'description'")
          .contains("not a secret property");

      JsonNode nothingHeld =
          s.call(
              "planDeployment",
              Map.of(
                  "deploymentId",
                  "elsewhere",
                  "resources",
                  List.of(user(Map.of("description", "operator"), List.of("password")))));
      assertThat(nothingHeld.path("success").asBoolean()).isFalse();
      assertThat(nothingHeld.path("error").path("message").asText())
          .contains("'ops'")
          .contains("holds no secret on this server to keep");

      assertThat(userRecord(server)).isEqualTo(before);
    }
  }
}
