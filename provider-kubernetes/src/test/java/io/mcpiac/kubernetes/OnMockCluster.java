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
