package io.mcpiac.cli;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * fabric8's Kubernetes mock server in CRUD mode on 127.0.0.1 and a free port, and a kubeconfig that
 * points at it (what the provider module's own {@code MockCluster} is, for the CLI's tests).
 */
final class MockKubernetes implements AutoCloseable {
  private final KubernetesMockServer server;
  final NamespacedKubernetesClient client;

  MockKubernetes() {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of()),
            false);
    try {
      server.init(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    client = server.createClient();
  }

  /** Writes {@code dir/kubeconfig}, whose current context is this cluster. */
  Path kubeconfig(Path dir) throws IOException {
    return Files.writeString(
        dir.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "http://127.0.0.1:%d"}}]
        users: [{name: tester, user: {token: unchecked}}]
        contexts: [{name: mock, context: {cluster: mock, user: tester}}]
        current-context: mock
        """
            .formatted(server.getPort()));
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
