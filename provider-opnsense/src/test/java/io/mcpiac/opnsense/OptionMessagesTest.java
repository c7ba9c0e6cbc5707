package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, item 8, as found: {@code interface: igc2} failed with "interface: Option [] not in
 * list." The value and the firewall's choices are named instead: at plan time (validation, where
 * the firewall answers) and when a write is refused anyway.
 */
class OptionMessagesTest {
  @TempDir Path dir;

  static final String YAML =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: office}
      spec:
        resources:
          - {type: opnsense:network:vlan, name: cams, properties: {tag: 150, interface: igc2}}
          - {type: opnsense:firewall:rule, name: allow-mgmt, properties: {interface: opt9, port: 443}}
      """;

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void aWrongOptionNamesTheValueAndTheChoices(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      assertThatThrownBy(() -> Firewall.deployment(reg, YAML))
          .isInstanceOf(ConfigException.class)
          .message()
          .contains("resource 'cams', property 'properties.interface'")
          .contains("interface 'igc2' is not on this firewall; it has igb0")
          .contains("resource 'allow-mgmt', property 'properties.interface'")
          .contains("interface 'opt9' is not on this firewall; it has")
          .contains("lan", "wan")
          .doesNotContain("not in list");

      // the same file applied without validation: the refused write says the same
      Engine engine = Firewall.engine(reg, dir);
      Deployment unchecked = DeploymentLoader.load(YAML, "<test>");
      var result = Firewall.apply(engine, unchecked);
      assertThat(result.success()).isFalse();
      assertThat(result.error())
          .contains("is not on this firewall; it has")
          .doesNotContain("not in list");
      assertThat(fw.rows("/api/interfaces/vlan_settings/searchItem")).isEmpty();
    }
  }
}
