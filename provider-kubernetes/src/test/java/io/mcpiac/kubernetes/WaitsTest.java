package io.mcpiac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.execution.ExecutionResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The example with its waits on: the apply waits for the Deployment's rollout and the CRD's
 * Established condition, which the test plays ({@link PlayedControllers}), and succeeds once they
 * are there. On the mock alone the same apply times out (see {@link FailedApplyTest}).
 */
class WaitsTest extends OnMockCluster {
  @Override
  String deployment() {
    return "k8s-shop";
  }

  @Test
  void theExampleWaitsForTheRolloutAndTheCrdAndSucceeds() {
    try (PlayedControllers controllers = new PlayedControllers(cluster, 1500)) {
      ExecutionResult r = k8s.apply(k8s.plan(k8s.load(Path.of("../examples/k8s-shop.yaml"), "{}")));
      assertThat(r.success()).as(r.toString()).isTrue();
      long web = duration(r, "web");
      long crd = duration(r, "widgets-crd");
      assertThat(web).as("the deployment waited for its rollout").isGreaterThanOrEqualTo(500);
      assertThat(crd).as("the CRD waited for Established").isGreaterThanOrEqualTo(500);
    }
  }

  private static long duration(ExecutionResult r, String name) {
    return r.results().stream()
        .filter(a -> a.resource().equals(name))
        .findFirst()
        .orElseThrow()
        .durationMs();
  }
}
