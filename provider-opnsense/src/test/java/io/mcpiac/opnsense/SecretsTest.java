package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.PlanJson;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets never reach state, plans or error messages. */
class SecretsTest {
  @TempDir Path dir;

  static final String USER =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: secrets}
      spec:
        resources:
          - {type: opnsense:security:user, name: ops, properties: {password: "Very-Secret-42", description: ops}}
      """;

  @Test
  void passwordsStayOutOfStateAndPlans() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      var d = Firewall.deployment(reg, USER);
      assertThat(Json.write(PlanJson.of(engine.plan(d)))).doesNotContain("Very-Secret-42");
      assertThat(Firewall.apply(engine, d).success()).isTrue();
      assertThat(Json.write(engine.state("secrets"))).doesNotContain("Very-Secret-42");
      assertThat(fw.rows("/api/auth/user/search"))
          .anyMatch(u -> u.path("name").asText().equals("ops"));
      assertThat(engine.plan(d).hasChanges()).isFalse();
    }
  }

  @Test
  void aWrongSecretIsReportedWithoutShowingIt() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir)) {
      Map<String, String> env = new HashMap<>(fw.env);
      env.put("OPNSENSE_API_SECRET", "wrong-secret-value");
      try (ProviderRegistry reg = Firewall.registry(env, Map.of())) {
        Engine engine = Firewall.engine(reg, dir);
        var d = Firewall.deployment(reg, USER);
        // the plan already reaches the firewall (issue 13): it fails before anything is applied
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Firewall.apply(engine, d))
            .message()
            .contains("401")
            .contains("OPNSENSE_API_SECRET")
            .doesNotContain("wrong-secret-value");
      }
    }
  }
}
