package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.RiskRefusedException;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan that would cut this machine off the firewall's API is refused unless accepted. */
class LockoutGuardTest {
  @TempDir Path dir;

  static String block(String props) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: guard}
        spec:
          resources:
            - {type: opnsense:firewall:alias, name: me, properties: {type: network, content: ["127.0.0.0/8"]}}
            - {type: opnsense:firewall:rule, name: deny, properties: %s}
        """
        .formatted(props);
  }

  @Test
  void blockingTheApiIsRefusedNamingTheRuleAndAcceptedWhenForced() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      fw.resetCalls();
      var d =
          Firewall.deployment(
              reg,
              block("{interface: lan, action: block, source: \"${me.name}\"}")
                  .replace("type: network,", "name: me, type: network,"));
      assertThatThrownBy(() -> Firewall.apply(engine, d))
          .isInstanceOf(RiskRefusedException.class)
          .hasMessageContaining("deny")
          .hasMessageContaining("lockout");
      assertThat(fw.calls().keySet()).noneMatch(k -> k.contains("/set"));
      assertThat(fw.rules()).isEmpty();

      var forced =
          Firewall.apply(engine, d, ExecutionOptions.DEFAULTS.acceptingRisks(Set.of("lockout")));
      assertThat(forced.success()).isTrue();
      assertThat(fw.rules()).hasSize(1);
    }
  }

  @Test
  void rulesThatDoNotTouchTheApiPass() throws Exception {
    try (Firewall fw = new Firewall("26.1", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      assertThat(
              Firewall.apply(
                      engine,
                      Firewall.deployment(
                          reg, block("{interface: lan, action: block, source: any, port: 25}")))
                  .success())
          .isTrue();
      assertThat(
              Firewall.apply(
                      engine,
                      Firewall.deployment(
                          reg, block("{interface: lan, action: block, source: 192.0.2.0/24}")))
                  .success())
          .isTrue();
    }
  }

  @Test
  void deletingThePassRuleForTheApiPortIsALockoutRisk() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      int port = java.net.URI.create(fw.emulator.url()).getPort();
      String keep =
          """
          apiVersion: iac.mcp/v1
          kind: Deployment
          metadata: {name: guard}
          spec:
            resources:
              - {type: opnsense:firewall:rule, name: api, properties: {interface: lan, port: %d}}
          """
              .formatted(port);
      assertThat(Firewall.apply(engine, Firewall.deployment(reg, keep)).success()).isTrue();
      String none =
          "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: guard}\nspec:\n  resources: []\n";
      assertThatThrownBy(() -> Firewall.apply(engine, Firewall.deployment(reg, none)))
          .isInstanceOf(RiskRefusedException.class)
          .hasMessageContaining("api");
    }
  }
}
