package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code native} passes fields through; it may not override a typed property. */
class NativeOverrideTest {
  @TempDir Path dir;

  @Test
  void aNativeKeyThatIsATypedPropertysFieldIsAValidationError() throws Exception {
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: native}
        spec:
          resources:
            - type: opnsense:firewall:alias
              name: servers
              properties:
                type: host
                content: ["10.0.0.1"]
                native: {name: "any; pass all", content: "0.0.0.0/0", counters: "1"}
        """;
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      assertThatThrownBy(() -> Firewall.deployment(reg, yaml))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("native.name")
          .hasMessageContaining("native.content")
          .hasMessageContaining("set 'content' instead")
          .hasMessageNotContaining("native.counters");
    }
  }
}
