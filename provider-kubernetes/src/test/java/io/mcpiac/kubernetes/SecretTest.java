package io.mcpiac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.states.StateStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A Secret's data reaches the cluster and nothing else: not the plan, not state; a value changed on
 * the cluster by hand is drift (shown as sensitive) and the next apply sets it back.
 */
class SecretTest extends OnMockCluster {
  private static final String VALUE = "hunter2-correct-horse";
  private static final String YAML =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: secrets}
      spec:
        variables:
          token: {type: string, sensitive: true}
        resources:
          - type: k8s:core:secret
            name: api-token
            properties:
              data: {token: "${var.token}"}
      """;

  @Override
  String deployment() {
    return "secrets";
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theDataReachesTheClusterOnlyAndAChangeByHandIsDrift() throws Exception {
    Deployment d = k8s.load(YAML, "{\"token\": \"" + VALUE + "\"}");
    Plan plan = k8s.plan(d);
    assertThat(new PlanRenderer(false).render(plan)).doesNotContain(VALUE).contains("(sensitive)");
    assertThat(k8s.apply(plan).success()).isTrue();
    ObjectNode secret = kubectl.get("v1", "Secret", "default", "api-token");
    assertThat(secret.at("/data/token").asText()).isEqualTo(base64(VALUE));
    store.close();
    assertThat(new String(Files.readAllBytes(dir.resolve("state.db")), StandardCharsets.ISO_8859_1))
        .doesNotContain(VALUE)
        .doesNotContain(base64(VALUE));
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    k8s.close();
    k8s = new KubernetesTestEngine(cluster, store, "secrets");
    d = k8s.load(YAML, "{\"token\": \"" + VALUE + "\"}");
    assertThat(k8s.plan(d).actions()).allMatch(a -> a.action() == ActionType.NO_OP);

    kubectl.edit(
        "v1",
        "Secret",
        "default",
        "api-token",
        o -> ((ObjectNode) o.get("data")).put("token", base64("set-by-hand")));
    Plan drifted = k8s.plan(d);
    PlannedAction a = drifted.actions().get(0);
    assertThat(a.action()).isEqualTo(ActionType.UPDATE);
    assertThat(a.drift()).anyMatch(c -> c.path().equals("data"));
    assertThat(new PlanRenderer(false).render(drifted)).doesNotContain("set-by-hand", VALUE);
    assertThat(k8s.apply(drifted).success()).isTrue();
    assertThat(kubectl.get("v1", "Secret", "default", "api-token").at("/data/token").asText())
        .isEqualTo(base64(VALUE));
  }
}
