package io.mcpiac.kubernetes;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.mcpiac.kubernetes.client.KubeConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * fabric8's Kubernetes mock server in CRUD mode on 127.0.0.1 and a free port: real REST paths,
 * resource versions, 409 on a duplicate create or a stale replace, label selectors, watches, custom
 * resources once their CRD exists. What it cannot show, and so no test here claims: validation and
 * defaulting of built-in kinds, controllers (no Deployment ever gets a status, no CRD becomes
 * Established, no namespace finalises), server-side apply (it answers 404/415, so every write takes
 * the client-side fallback), {@code dryRun} (ignored: the object is stored).
 */
final class MockCluster implements AutoCloseable {
  final KubernetesMockServer server;
  final NamespacedKubernetesClient client;

  MockCluster() {
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

  /** A connection of the provider to this cluster, objects defaulting to {@code namespace}. */
  KubeConnection connection(String namespace) {
    return KubeConnection.over(server.createClient(), namespace);
  }

  /** A kubeconfig file whose context {@code context} points at this cluster. */
  Path kubeconfig(Path dir, String context, String namespace) throws IOException {
    Path file = dir.resolve("kubeconfig-" + context);
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster: {server: "http://127.0.0.1:%d"}
        users:
        - name: tester
          user: {token: not-checked-by-the-mock}
        contexts:
        - name: %s
          context: {cluster: mock, user: tester, namespace: %s}
        current-context: %s
        """
            .formatted(server.getPort(), context, namespace, context));
    return file;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
