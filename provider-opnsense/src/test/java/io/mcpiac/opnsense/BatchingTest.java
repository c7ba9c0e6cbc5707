package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Activation happens once per module per batch, not once per object. */
class BatchingTest {
  @TempDir Path dir;

  static String rulesAndAliases(int rules, int aliases) {
    StringBuilder s =
        new StringBuilder(
            "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: many}\nspec:\n  resources:\n");
    for (int a = 0; a < aliases; a++) {
      s.append("    - {type: opnsense:firewall:alias, name: hosts_")
          .append(a)
          .append(", properties: {type: host, content: [\"10.9.")
          .append(a)
          .append(".1\"]}}\n");
    }
    for (int r = 0; r < rules; r++) {
      s.append("    - {type: opnsense:firewall:rule, name: rule-")
          .append(r)
          .append(", properties: {interface: lan, destination: \"${hosts_")
          .append(r % aliases)
          .append(".name}\", port: ")
          .append(1000 + r)
          .append("}}\n");
    }
    return s.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void hundredRulesAndTwentyAliasesTakeAHandfulOfActivations(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      fw.resetCalls();
      ExecutionResult r =
          Firewall.apply(
              engine,
              Firewall.deployment(reg, rulesAndAliases(100, 20)),
              new ExecutionOptions(10, false, true));
      assertThat(r.success()).as(String.valueOf(r.error())).isTrue();
      Map<String, Long> calls = fw.calls();
      long ruleWrites =
          calls.entrySet().stream()
              .filter(e -> e.getKey().startsWith("POST /api/firewall/filter/setRule/"))
              .mapToLong(Map.Entry::getValue)
              .sum();
      assertThat(ruleWrites).isEqualTo(100);
      assertThat(fw.calls("POST /api/firewall/alias/reconfigure")).isEqualTo(1);
      assertThat(fw.activations()).isBetween(2L, 4L);
      if (version.equals("26.1")) {
        // rule changes go through savepoint → apply/{rev} → cancelRollback/{rev}
        assertThat(fw.calls("POST /api/firewall/filter/savepoint")).isEqualTo(1);
        assertThat(calls.keySet()).anyMatch(k -> k.startsWith("POST /api/firewall/filter/apply/"));
        assertThat(calls.keySet())
            .anyMatch(k -> k.startsWith("POST /api/firewall/filter/cancelRollback/"));
        assertThat(
                fw.api("GET", "/__emulator/timers", null).path("pendingRollback").isNull()
                    || fw.api("GET", "/__emulator/timers", null)
                        .path("pendingRollback")
                        .asText()
                        .isEmpty())
            .as("no rollback timer left running")
            .isTrue();
      } else {
        assertThat(fw.calls("POST /api/firewall/filter/apply")).isEqualTo(1);
        assertThat(fw.calls("POST /api/firewall/filter/savepoint")).isZero();
      }
      assertThat(fw.rules()).hasSize(100);
      assertThat(fw.rows("/api/firewall/alias/searchItem")).hasSize(20);

      // a live read is one search per type, not one call per object
      fw.resetCalls();
      assertThat(engine.plan(Firewall.deployment(reg, rulesAndAliases(100, 20))).hasChanges())
          .isFalse();
      assertThat(fw.calls("POST /api/firewall/alias/searchItem")).isEqualTo(1);
      assertThat(fw.calls().keySet())
          .noneMatch(k -> k.contains("/getRule/") || k.contains("/getItem/"));
    }
  }
}
