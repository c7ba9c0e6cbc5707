package io.mcpiac.kubernetes;

import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * An end-to-end test's world: a fresh CRUD mock cluster, a state database, the engine with the
 * provider on the cluster for {@link #deployment()}, and {@code kubectl} on the side.
 */
abstract class OnMockCluster {
  @TempDir Path dir;
  MockCluster cluster;
  StateStore store;
  KubernetesTestEngine k8s;
  Kubectl kubectl;

  /** The deployment the provider labels its objects with. */
  abstract String deployment();

  /** A deployment document named {@link #deployment()} with {@code resources} (YAML list items). */
  String document(String resources) {
    return "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: "
        + deployment()
        + "}\nspec:\n  resources:\n"
        + resources.indent(4);
  }

  /**
   * Applies {@link #document} of {@code resources}; the next plan changes nothing (its text is the
   * failure's message).
   */
  void appliesThenPlansClean(String resources) {
    io.mcpiac.engine.config.Deployment d = k8s.load(document(resources), "{}");
    org.assertj.core.api.Assertions.assertThat(k8s.apply(k8s.plan(d)).success()).isTrue();
    io.mcpiac.engine.plans.Plan again = k8s.plan(d);
    org.assertj.core.api.Assertions.assertThat(again.actions())
        .as(new io.mcpiac.engine.plans.PlanRenderer(false).render(again))
        .allMatch(a -> a.action() == io.mcpiac.engine.plans.ActionType.NO_OP);
  }

  @BeforeEach
  void startCluster() {
    cluster = new MockCluster();
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    k8s = new KubernetesTestEngine(cluster, store, deployment());
    kubectl = new Kubectl(cluster.client);
  }

  @AfterEach
  void stopCluster() {
    k8s.close();
    store.close();
    cluster.close();
  }
}
