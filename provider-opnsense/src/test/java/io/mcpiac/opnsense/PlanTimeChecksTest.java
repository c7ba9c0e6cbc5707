package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, item 4, as found: with no URL, a wrong secret, an untrusted certificate or a closed
 * port, a first plan (empty state) printed "11 to add"; only apply failed. And a plan that apply's
 * lockout guard would refuse did not say so.
 */
class PlanTimeChecksTest {
  @TempDir Path dir;

  static final String YAML =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: office}
      spec:
        resources:
          - {type: opnsense:firewall:alias, name: printers, properties: {type: host, content: ["10.0.0.9"]}}
          - {type: opnsense:firewall:rule, name: allow-mgmt, properties: {interface: lan, port: 443}}
      """;

  private void planFails(Firewall fw, Consumer<Map<String, String>> breakIt, String... hints)
      throws Exception {
    Map<String, String> env = new HashMap<>(fw.env);
    breakIt.accept(env);
    try (ProviderRegistry reg = Firewall.registry(env, Map.of())) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d = Firewall.deployment(reg, YAML);
      assertThatThrownBy(() -> engine.plan(d))
          .isInstanceOf(ProviderException.class)
          .hasMessageContaining("provider instance 'opnsense'")
          .message()
          .contains(hints);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void aFirstPlanReachesTheFirewallAndSaysWhatToFix(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir)) {
      planFails(fw, env -> env.remove("OPNSENSE_URL"), "OPNSENSE_URL");
      planFails(fw, env -> env.put("OPNSENSE_API_SECRET", "wrong"), "OPNSENSE_API_SECRET", "401");
      planFails(fw, env -> env.remove("OPNSENSE_CA_FILE"), "not trusted", "OPNSENSE_CA_FILE");
      int closed;
      try (ServerSocket s = new ServerSocket(0)) {
        closed = s.getLocalPort();
      }
      int port = closed;
      planFails(
          fw,
          env -> env.put("OPNSENSE_URL", "https://127.0.0.1:" + port),
          "nothing accepts connections",
          "OPNSENSE_URL");
      // nothing was written to the firewall by any of them
      assertThat(fw.calls().keySet()).noneMatch(k -> k.contains("/set") || k.contains("/add"));

      try (ProviderRegistry reg = fw.registry()) {
        Plan ok = Firewall.plan(Firewall.engine(reg, dir), Firewall.deployment(reg, YAML));
        assertThat(ok.count(io.mcpiac.engine.plans.ActionType.CREATE)).isEqualTo(2);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void aPlanThatApplyWouldRefuseForLockoutSaysSo(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d =
          Firewall.deployment(
              reg,
              YAML
                  + "    - {type: opnsense:firewall:rule, name: block-rest, properties: {interface:"
                  + " lan, action: block}}\n");
      Plan plan = Firewall.plan(engine, d);
      assertThat(plan.warningTexts())
          .anySatisfy(
              w ->
                  assertThat(w)
                      .startsWith("apply will refuse this plan: block-rest")
                      .contains("--force-lockout-risk"));
      assertThat(new io.mcpiac.engine.plans.PlanRenderer(false).render(plan))
          .contains("Warning: apply will refuse this plan: block-rest");
    }
  }
}
