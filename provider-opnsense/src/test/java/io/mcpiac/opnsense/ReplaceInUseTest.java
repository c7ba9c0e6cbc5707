package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.Deposed;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate a frontend serves is replaced (its lifetime changed): OPNsense refuses to delete a
 * certificate in use, so the old one goes only after the frontend has moved to the new one, as
 * Terraform orders a create-before-destroy replacement. It was found through the CLI: the apply
 * failed on the delete and rolled back, every time.
 */
class ReplaceInUseTest {
  @TempDir Path dir;

  static final String YAML =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: certs}
      spec:
        resources:
          - type: opnsense:security:certificate
            name: web-cert
            properties: {description: web, commonName: web.example.com, lifetime: %d}
          - type: opnsense:service:haproxy:backend
            name: pool
            properties: {servers: ["10.150.1.10"]}
          - type: opnsense:service:haproxy:frontend
            name: web
            properties:
              bind: "0.0.0.0:443"
              defaultBackend: "${pool.uuid}"
              ssl: true
              certificates: ["${web-cert.refid}"]
      """;

  @Test
  void aCertificateInUseIsReplacedAndTheOldOneGoesAfterTheFrontendMoved() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      JsonNode before = applyFirst(fw, reg, engine);
      assertThat(frontend(fw).path("ssl_certificates").asText())
          .isEqualTo(before.path("refid").asText());

      String changed = YAML.formatted(200);
      Plan plan = Firewall.plan(engine, Firewall.deployment(reg, changed));
      assertThat(plan.action("web-cert").orElseThrow().action()).isEqualTo(ActionType.REPLACE);
      ExecutionResult replaced = Firewall.apply(engine, Firewall.deployment(reg, changed));
      assertThat(replaced.success()).as(String.valueOf(replaced.error())).isTrue();

      JsonNode after = only(fw.rows("/api/trust/cert/search"));
      assertThat(after.path("uuid").asText()).isNotEqualTo(before.path("uuid").asText());
      assertThat(after.path("refid").asText()).isNotEqualTo(before.path("refid").asText());
      assertThat(frontend(fw).path("ssl_certificates").asText())
          .isEqualTo(after.path("refid").asText());
      assertThat(engine.state("certs").resource("web-cert").orElseThrow().id())
          .isEqualTo(after.path("uuid").asText());
      assertThat(Firewall.plan(engine, Firewall.deployment(reg, changed)).hasChanges()).isFalse();
    }
  }

  /**
   * The frontend's move fails: the run rolls back, the new certificate goes, and the old one, which
   * was never deleted, still serves the frontend and is the one state records.
   */
  @Test
  void whenTheFrontendCannotMoveTheOldCertificateStaysInUse() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      JsonNode before = applyFirst(fw, reg, engine);

      fw.faults("{\"failPaths\":[\"/api/haproxy/settings/setFrontend\"]}");
      ExecutionResult failed =
          Firewall.apply(engine, Firewall.deployment(reg, YAML.formatted(200)));
      assertThat(failed.success()).isFalse();
      assertThat(failed.rolledBack()).isTrue();
      fw.faults("{}");

      JsonNode kept = only(fw.rows("/api/trust/cert/search"));
      assertThat(kept.path("uuid").asText()).isEqualTo(before.path("uuid").asText());
      assertThat(frontend(fw).path("ssl_certificates").asText())
          .isEqualTo(before.path("refid").asText());
      // state says so too (it used to keep the deleted new certificate's id), and the next
      // apply converges
      assertThat(engine.state("certs").resource("web-cert").orElseThrow().id())
          .isEqualTo(before.path("uuid").asText());
      ExecutionResult again = Firewall.apply(engine, Firewall.deployment(reg, YAML.formatted(200)));
      assertThat(again.success()).as(String.valueOf(again.error())).isTrue();
      assertThat(only(fw.rows("/api/trust/cert/search")).path("uuid").asText())
          .isNotEqualTo(before.path("uuid").asText());
    }
  }

  /**
   * The same failure under {@code --no-rollback}: both certificates stay on the firewall, the
   * frontend still serves the old one, and state records both, the old one deposed; the next apply
   * moves the frontend and then deletes the old certificate, which the firewall then allows.
   */
  @Test
  void withoutRollbackTheOldCertificateStaysRecordedAndTheNextApplyDeletesIt() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      JsonNode before = applyFirst(fw, reg, engine);
      String oldUuid = before.path("uuid").asText();

      fw.faults("{\"failPaths\":[\"/api/haproxy/settings/setFrontend\"]}");
      ExecutionResult stopped =
          Firewall.apply(
              engine,
              Firewall.deployment(reg, YAML.formatted(200)),
              new ExecutionOptions(5, false, false));
      assertThat(stopped.success()).isFalse();
      assertThat(stopped.rolledBack()).isFalse();
      fw.faults("{}");

      assertThat(fw.rows("/api/trust/cert/search")).hasSize(2);
      assertThat(frontend(fw).path("ssl_certificates").asText())
          .isEqualTo(before.path("refid").asText());
      var state = engine.state("certs");
      assertThat(state.resource(Deposed.name("web-cert", oldUuid)).orElseThrow().id())
          .isEqualTo(oldUuid);
      String newUuid = state.resource("web-cert").orElseThrow().id();
      assertThat(newUuid).isNotEqualTo(oldUuid);

      ExecutionResult next = Firewall.apply(engine, Firewall.deployment(reg, YAML.formatted(200)));
      assertThat(next.success()).as(String.valueOf(next.error())).isTrue();
      JsonNode left = only(fw.rows("/api/trust/cert/search"));
      assertThat(left.path("uuid").asText()).isEqualTo(newUuid);
      assertThat(frontend(fw).path("ssl_certificates").asText())
          .isEqualTo(left.path("refid").asText());
      assertThat(engine.state("certs").resources()).containsOnlyKeys("web-cert", "pool", "web");
      assertThat(Firewall.plan(engine, Firewall.deployment(reg, YAML.formatted(200))).hasChanges())
          .isFalse();
    }
  }

  /** The first apply (lifetime 397); the certificate it made. */
  private static JsonNode applyFirst(Firewall fw, ProviderRegistry reg, Engine engine) {
    ExecutionResult first = Firewall.apply(engine, Firewall.deployment(reg, YAML.formatted(397)));
    assertThat(first.success()).as(String.valueOf(first.error())).isTrue();
    return only(fw.rows("/api/trust/cert/search"));
  }

  private static JsonNode only(List<JsonNode> rows) {
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private static JsonNode frontend(Firewall fw) {
    return only(fw.rows("/api/haproxy/settings/searchFrontends"));
  }
}
