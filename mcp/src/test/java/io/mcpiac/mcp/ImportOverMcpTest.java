package io.mcpiac.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.mcp.McpClients.Session;
import io.mcpiac.opnsense.OpnsenseProviderFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code importResources}: an AI client adopts what a firewall already has, through the same engine
 * import the command line uses; the answered deployment plans as no changes.
 */
class ImportOverMcpTest {
  @TempDir Path dir;

  static final String BUILT =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: office}
      spec:
        resources:
          - {type: opnsense:firewall:alias, name: printers, properties: {type: host, content: ["10.0.0.9"]}}
          - {type: opnsense:firewall:rule, name: to-printers, properties: {interface: lan, destination: "${printers.name}", port: 631, description: to-printers}}
      """;

  @Test
  void importResourcesAdoptsWhatTheFirewallHasAndThePlanOfTheAnswerIsEmpty() throws Exception {
    try (FirewallServer server = new FirewallServer(dir)) {
      buildElsewhere(server);
      JsonNode firewallBefore = server.firewall.state();
      Session s = server.session;

      JsonNode imported = importTypes(s, "opnsense:firewall:alias", "opnsense:firewall:rule");

      assertThat(imported.path("success").asBoolean()).as(imported.toString()).isTrue();
      JsonNode data = imported.path("data");
      assertThat(data.path("imported").asInt()).as(data.toString()).isGreaterThanOrEqualTo(2);
      String yaml = data.path("deployment").asText();
      assertThat(yaml).contains("printers", "to-printers", "${printers.name}");
      // importing only reads the firewall
      assertThat(Json.sameValue(server.firewall.state(), firewallBefore)).isTrue();

      JsonNode state = s.call("getDeploymentState", Map.of("deploymentId", "adopted"));
      assertThat(state.path("data").path("resources").findValuesAsText("name"))
          .contains("printers", "to-printers");

      JsonNode plan = s.call("planDeployment", Map.of("deployment", yaml));
      assertThat(plan.path("success").asBoolean()).as(plan.toString()).isTrue();
      assertThat(plan.path("data").path("hasChanges").asBoolean()).as(plan.toString()).isFalse();

      JsonNode again = importTypes(s, "opnsense:firewall:alias");
      assertThat(again.path("data").path("imported").asInt()).as(again.toString()).isZero();

      // another deployment does not take what 'adopted' manages, unless it says adopt
      Map<String, Object> second =
          Map.of(
              "deploymentId",
              "second",
              "provider",
              "opnsense",
              "types",
              List.of("opnsense:firewall:alias"));
      JsonNode skipped = s.call("importResources", second);
      assertThat(skipped.path("data").path("imported").asInt()).as(skipped.toString()).isZero();
      assertThat(skipped.path("data").path("notes").toString())
          .contains("printers", "deployment 'adopted' manages it", "adopt: true")
          .doesNotContain("--force");
      java.util.HashMap<String, Object> adopting = new java.util.HashMap<>(second);
      adopting.put("adopt", true);
      JsonNode adopted = s.call("importResources", adopting);
      assertThat(adopted.path("data").path("imported").asInt()).as(adopted.toString()).isOne();
    }
  }

  @Test
  void anUnknownTypeOrInstanceIsAnErrorThatNamesItAndRecordsNothing() throws Exception {
    try (FirewallServer server = new FirewallServer(dir)) {
      Session s = server.session;

      JsonNode badType = importTypes(s, "opnsense:firewall:rul");
      JsonNode badInstance =
          s.call("importResources", Map.of("deploymentId", "adopted", "provider", "opnsense/nope"));
      JsonNode idWithoutOneType =
          s.call(
              "importResources",
              Map.of("deploymentId", "adopted", "provider", "opnsense", "id", "x"));

      assertThat(badType.path("success").asBoolean()).isFalse();
      assertThat(badType.path("error").path("message").asText()).contains("opnsense:firewall:rul");
      assertThat(badInstance.path("success").asBoolean()).isFalse();
      assertThat(badInstance.path("error").path("message").asText()).contains("opnsense/nope");
      assertThat(idWithoutOneType.path("error").path("code").asText())
          .isEqualTo("VALIDATION_FAILED");
      JsonNode state = s.call("getDeploymentState", Map.of("deploymentId", "adopted"));
      assertThat(state.path("success").asBoolean()).as(state.toString()).isFalse();
    }
  }

  private static JsonNode importTypes(Session s, String... types) {
    return s.call(
        "importResources",
        Map.of("deploymentId", "adopted", "provider", "opnsense", "types", List.of(types)));
  }

  /** Objects made on the firewall by someone else: another state, another engine. */
  private void buildElsewhere(FirewallServer server) {
    try (ProviderRegistry registry =
            new ProviderRegistry()
                .register(
                    "opnsense",
                    new OpnsenseProviderFactory(server.env).create("opnsense", Json.object()));
        StateStore other = StateStores.open("sqlite:" + dir.resolve("elsewhere.db"))) {
      Deployment d =
          DeploymentValidator.requireValid(DeploymentLoader.load(BUILT, "office.yaml"), registry);
      Engine.Applied applied =
          new Engine(registry, other)
              .planAndApply(
                  d,
                  ExecutionOptions.DEFAULTS,
                  p -> true,
                  ProgressListener.NONE,
                  new Cancellation());
      assertThat(applied.result().success()).isTrue();
    }
  }
}
