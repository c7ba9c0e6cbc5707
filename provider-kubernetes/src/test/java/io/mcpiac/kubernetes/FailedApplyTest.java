package io.mcpiac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.execution.ExecutionResult;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Applies that fail on the cluster's side, and what is left afterwards: nothing. A custom resource
 * that does not fit the CRD created in the same apply; a rollout that never completes (the mock has
 * no controller, so it is a real timeout here); a rollout the controller gives up on.
 */
class FailedApplyTest extends OnMockCluster {
  @Override
  String deployment() {
    return "failing";
  }

  private static final String HEAD =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: failing}
      spec:
        resources:
          - type: k8s:core:namespace
            name: shop
      """;

  @Test
  void aCustomResourceThatDoesNotFitItsNewCrdFailsNamingThePropertyAndNothingIsLeft() {
    String yaml =
        HEAD
            + """
              - type: k8s:manifest
                name: widgets-crd
                properties:
                  wait: false
                  manifest: %s
              - type: k8s:manifest
                name: front-widget
                properties:
                  manifest:
                    apiVersion: example.com/v1
                    kind: Widget
                    metadata: {name: front, namespace: shop}
                    spec: {size: large}
          """
                .formatted(Samples.WIDGET_CRD.replace("\n", " "));
    ExecutionResult r = k8s.apply(k8s.plan(k8s.load(yaml, "{}")));
    assertThat(r.success()).isFalse();
    assertThat(r.toString())
        .contains("k8s:manifest 'front-widget'", "manifest.spec.size", "integer expected");
    assertThat(r.rolledBack()).isTrue();
    assertThat(kubectl.get("example.com/v1", "Widget", "shop", "front")).isNull();
    assertThat(
            kubectl.get(
                "apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "widgets.example.com"))
        .as("the CRD made by the same apply is rolled back")
        .isNull();
    assertThat(kubectl.get("v1", "Namespace", null, "shop")).isNull();
  }

  private static final String DEPLOYMENT =
      HEAD
          + """
              - type: k8s:apps:deployment
                name: web
                properties:
                  namespace: shop
                  image: nginx:1.27
                  wait: {timeoutSeconds: %d}
          """;

  @Test
  void aRolloutThatNeverCompletesTimesOutAndTheApplyRollsBack() {
    // no controller on the mock: nothing ever reports the rollout, which is a real timeout
    ExecutionResult r = k8s.apply(k8s.plan(k8s.load(DEPLOYMENT.formatted(1), "{}")));
    assertThat(r.success()).isFalse();
    assertThat(r.toString())
        .contains("timed out after 1 s waiting for rollout of Deployment shop/web");
    assertThat(r.rolledBack()).isTrue();
    assertThat(kubectl.get("apps/v1", "Deployment", "shop", "web")).isNull();
    assertThat(kubectl.get("v1", "Namespace", null, "shop")).isNull();
  }

  /**
   * The test plays the deployment controller and writes the status a controller writes when the
   * progress deadline passes (the fields kubectl rollout status reads). Whether a real controller
   * writes exactly this is not checked here; what is checked is that the provider stops waiting at
   * once with the controller's message, and the apply rolls back.
   */
  @Test
  void aRolloutTheControllerGivesUpOnFailsAtOnceWithItsMessage() throws Exception {
    ScheduledExecutorService controller = Executors.newSingleThreadScheduledExecutor();
    try {
      controller.scheduleWithFixedDelay(
          () -> {
            ObjectNode web = kubectl.get("apps/v1", "Deployment", "shop", "web");
            if (web != null && !web.has("status")) {
              kubectl.edit(
                  "apps/v1",
                  "Deployment",
                  "shop",
                  "web",
                  o ->
                      o.putObject("status")
                          .putArray("conditions")
                          .addObject()
                          .put("type", "Progressing")
                          .put("status", "False")
                          .put("reason", "ProgressDeadlineExceeded")
                          .put("message", "ReplicaSet \"web-1\" has timed out progressing."));
            }
          },
          100,
          100,
          TimeUnit.MILLISECONDS);
      long start = System.nanoTime();
      ExecutionResult r = k8s.apply(k8s.plan(k8s.load(DEPLOYMENT.formatted(120), "{}")));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
      assertThat(r.success()).isFalse();
      assertThat(r.toString())
          .contains("rollout of Deployment shop/web failed", "timed out progressing");
      assertThat(r.rolledBack()).isTrue();
      assertThat(kubectl.get("apps/v1", "Deployment", "shop", "web")).isNull();
    } finally {
      controller.shutdownNow();
    }
  }
}
