package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OPNsense's own formats and lengths are in the types' schemas: what the firewall would refuse is a
 * validation error before any call to it, naming resource and property.
 */
class OpnsenseFormatsTest {
  @TempDir Path dir;

  @Test
  void aliasNamesDescriptionsAndHaproxyTextFollowOpnsensesFields() throws Exception {
    String longText = "x".repeat(256);
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: formats}
        spec:
          resources:
            - {type: opnsense:firewall:alias, name: a1, properties: {name: "any; pass all", type: host, content: ["10.0.0.1"]}}
            - {type: opnsense:firewall:alias, name: a2, properties: {name: pass, type: host, content: ["10.0.0.1"]}}
            - {type: opnsense:firewall:alias, name: a3, properties: {type: host, content: ["10.0.0.1"], description: "two\\nlines"}}
            - {type: opnsense:firewall:alias, name: a4, properties: {type: host, content: ["10.0.0.1"], description: "%s"}}
            - {type: opnsense:firewall:rule, name: r1, properties: {action: pass, interface: lan, description: "bell\\a"}}
            - {type: opnsense:firewall:alias, name: a5, properties: {type: host, content: ["10.0.0.1\\n0.0.0.0/0"]}}
            - {type: opnsense:service:haproxy:server, name: s1, properties: {address: "10.0.0.5", port: 80, description: "a\\nb"}}
        """
            .formatted(longText);
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      assertThatThrownBy(() -> Firewall.deployment(reg, yaml))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("resource 'a1', property 'properties.name'")
          .hasMessageContaining("resource 'a2', property 'properties.name'")
          .hasMessageContaining("resource 'a3', property 'properties.description'")
          .hasMessageContaining("resource 'a4', property 'properties.description'")
          .hasMessageContaining("resource 'r1', property 'properties.description'")
          .hasMessageContaining("resource 's1', property 'properties.description'")
          .hasMessageContaining("resource 'a5', property 'properties.content[0]'");
    }
  }
}
