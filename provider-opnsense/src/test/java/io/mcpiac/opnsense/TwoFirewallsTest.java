package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One deployment, two firewalls: {@code opnsense} and {@code opnsense/branch}. */
class TwoFirewallsTest {
  @TempDir Path dir;

  @Test
  void eachResourceLandsOnItsOwnFirewall() throws Exception {
    try (Firewall hq = new Firewall("26.7", dir);
        Firewall branch = new Firewall("26.1", dir)) {
      Map<String, String> env = new HashMap<>(hq.env);
      env.putAll(branch.envFor("OPNSENSE_BRANCH_"));
      Map<String, ObjectNode> settings =
          Map.of("opnsense", Json.object(), "opnsense/branch", Json.object());
      try (ProviderRegistry reg = Firewall.registry(env, settings)) {
        Engine engine = Firewall.engine(reg, dir);
        String yaml =
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: sites}
            spec:
              providers:
                opnsense: {}
                opnsense/branch: {}
              resources:
                - {type: opnsense:firewall:alias, name: hq_net, properties: {type: network, content: ["10.1.0.0/16"]}}
                - type: opnsense:firewall:rule
                  name: branch-to-hq
                  provider: opnsense/branch
                  properties: {interface: lan, destination: 10.1.0.0/16, port: 443, description: "to ${hq_net.name}"}
                - type: opnsense:firewall:rule
                  name: hq-from-branch
                  properties: {interface: wan, source: 10.2.0.0/16, destination: "${hq_net.name}", port: 443}
            """;
        var d = Firewall.deployment(reg, yaml);
        var res = Firewall.apply(engine, d);
        assertThat(res.success()).isTrue();
        assertThat(hq.rules())
            .singleElement()
            .satisfies(r -> assertThat(r.path("source_net").asText()).isEqualTo("10.2.0.0/16"));
        assertThat(hq.rows("/api/firewall/alias/searchItem")).hasSize(1);
        assertThat(branch.rules())
            .singleElement()
            .satisfies(r -> assertThat(r.path("description").asText()).isEqualTo("to hq_net"));
        assertThat(branch.rows("/api/firewall/alias/searchItem")).isEmpty();
        assertThat(engine.plan(d).hasChanges()).isFalse();
      }
    }
  }
}
