package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform seed's rule {@code destination: ${haproxy.ip}}: a frontend's {@code ip} output is
 * the address it listens on, so a rule can allow 443 to it.
 */
class FrontendAddressTest {
  @TempDir Path dir;

  static final String SEED =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: portal}
      spec:
        resources:
          - type: opnsense:firewall:rule
            name: allow-https
            properties: {source: any, destination: "${haproxy.ip}", port: 443, action: pass}
          - type: opnsense:service:haproxy:backend
            name: app-backend
            properties: {servers: ["10.150.1.10", "10.150.1.11"]}
          - type: opnsense:service:haproxy:frontend
            name: haproxy
            properties: {bind: "%s", defaultBackend: "${app-backend.uuid}"}
      """;

  @Test
  void aRuleAllowsHttpsToTheAddressTheFrontendListensOn() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      String yaml = SEED.formatted("203.0.113.10:443");
      ExecutionResult applied = Firewall.apply(engine, Firewall.deployment(reg, yaml));
      assertThat(applied.success()).as(String.valueOf(applied.error())).isTrue();

      assertThat(fw.rules()).hasSize(1);
      JsonNode rule = fw.rules().get(0);
      assertThat(rule.path("destination_net").asText()).isEqualTo("203.0.113.10");
      assertThat(rule.path("destination_port").asText()).isEqualTo("443");
      assertThat(Firewall.plan(engine, Firewall.deployment(reg, yaml)).hasChanges()).isFalse();

      // the frontend moves to another address: the rule follows it
      String moved = SEED.formatted("198.51.100.7:443");
      ExecutionResult changed = Firewall.apply(engine, Firewall.deployment(reg, moved));
      assertThat(changed.success()).as(String.valueOf(changed.error())).isTrue();
      assertThat(fw.rules().get(0).path("destination_net").asText()).isEqualTo("198.51.100.7");
    }
  }
}
