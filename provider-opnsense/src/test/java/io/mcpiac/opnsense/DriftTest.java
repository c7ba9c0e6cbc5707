package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Changes made in the web GUI (here: straight through the API) show in plan and refresh. */
class DriftTest {
  @TempDir Path dir;

  static final String YAML =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: drift}
      spec:
        resources:
          - {type: opnsense:firewall:rule, name: ssh, properties: {interface: lan, port: 22, description: ssh}}
          - {type: opnsense:firewall:alias, name: admins, properties: {type: host, content: ["10.0.0.1"]}}
      """;

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void guiChangesShowAsDriftAndAreUndoneByTheNextApply(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d = Firewall.deployment(reg, YAML);
      assertThat(Firewall.apply(engine, d).success()).isTrue();
      String ruleId = engine.state("drift").resources().get("ssh").id();
      String aliasId = engine.state("drift").resources().get("admins").id();

      ObjectNode body = Json.object();
      body.putObject("rule").put("destination_port", "2222");
      assertThat(
              fw.api("POST", "/api/firewall/filter/setRule/" + ruleId, body)
                  .path("result")
                  .asText())
          .isEqualTo("saved");
      fw.api("POST", "/api/firewall/alias/delItem/" + aliasId, null);

      Plan plan = Firewall.plan(engine, d);
      PlannedAction ssh = plan.action("ssh").orElseThrow();
      assertThat(ssh.action()).isEqualTo(ActionType.UPDATE);
      assertThat(ssh.drift())
          .anySatisfy(
              c -> {
                assertThat(c.path()).isEqualTo("port");
                assertThat(c.after().asText()).isEqualTo("2222");
              });
      PlannedAction admins = plan.action("admins").orElseThrow();
      assertThat(admins.action()).isEqualTo(ActionType.CREATE);
      assertThat(admins.reason()).contains("deleted outside");
      assertThat(plan.hasDrift()).isTrue();

      List<PlannedAction> drifted = engine.refresh("drift");
      assertThat(drifted).extracting(PlannedAction::name).contains("ssh");

      assertThat(Firewall.apply(engine, d).success()).isTrue();
      assertThat(fw.rules())
          .singleElement()
          .satisfies(r -> assertThat(r.path("destination_port").asText()).isEqualTo("22"));
      assertThat(fw.rows("/api/firewall/alias/searchItem")).hasSize(1);
      assertThat(Firewall.plan(engine, d).hasChanges()).isFalse();
    }
  }
}
