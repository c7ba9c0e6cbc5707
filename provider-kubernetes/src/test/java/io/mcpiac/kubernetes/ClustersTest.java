package io.mcpiac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections as a user configures them: a kubeconfig (relative to the deployment file) with
 * contexts, {@code spec.providers.k8s} and {@code kubernetes/NAME} (the alias) as two clusters in
 * one deployment, each object on its own cluster and in the namespace its context or setting names.
 */
class ClustersTest {
  @TempDir Path dir;
  private MockCluster east;
  private MockCluster west;
  private StateStore store;
  private ProviderRegistry registry;

  @BeforeEach
  void start() throws Exception {
    east = new MockCluster();
    west = new MockCluster();
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    Files.writeString(
        dir.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        clusters:
        - {name: east, cluster: {server: "http://127.0.0.1:%d"}}
        - {name: west, cluster: {server: "http://127.0.0.1:%d"}}
        users:
        - {name: tester, user: {token: not-checked-by-the-mock}}
        contexts:
        - {name: east, context: {cluster: east, user: tester, namespace: east-ns}}
        - {name: west, context: {cluster: west, user: tester, namespace: west-ns}}
        current-context: east
        """
            .formatted(east.server.getPort(), west.server.getPort()));
  }

  @AfterEach
  void stop() {
    if (registry != null) {
      registry.close();
    }
    store.close();
    east.close();
    west.close();
  }

  private Engine engine(Deployment d) {
    registry = new ProviderRegistry();
    registry.register(CoreProvider.NAME, new CoreProvider());
    KubernetesProviderFactory factory = new KubernetesProviderFactory();
    d.providers()
        .forEach(
            (instance, settings) ->
                registry.register(
                    instance,
                    factory.create(instance, settings, new ProviderContext(d.name(), dir))));
    return new Engine(registry, store);
  }

  @Test
  void twoClustersAsInstancesEachObjectOnItsOwn() throws Exception {
    Path file = dir.resolve("two.yaml");
    Files.writeString(
        file,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: two}
        spec:
          providers:
            k8s: {kubeconfig: kubeconfig, namespace: apps}
            # the provider's other name, as issue #19 spells the settings: the same instance
            kubernetes/west: {kubeconfig: ./kubeconfig, context: west}
          resources:
            - type: k8s:core:configmap
              name: settings
              properties: {data: {side: east}}
            - type: k8s:core:configmap
              name: settings-west
              provider: kubernetes/west
              properties: {name: settings, data: {side: west}}
        """);
    Deployment d = DeploymentLoader.load(file);
    Engine engine = engine(d);
    DeploymentValidator.requireValid(d, engine.registry());
    ExecutionResult r =
        engine.apply(engine.plan(d), ExecutionOptions.DEFAULTS, e -> {}, new Cancellation());
    assertThat(r.success()).as(r.toString()).isTrue();

    Kubectl onEast = new Kubectl(east.client);
    Kubectl onWest = new Kubectl(west.client);
    assertThat(onEast.get("v1", "ConfigMap", "apps", "settings").at("/data/side").asText())
        .as("the namespace setting wins over the context's")
        .isEqualTo("east");
    assertThat(onWest.get("v1", "ConfigMap", "west-ns", "settings").at("/data/side").asText())
        .as("the context's namespace")
        .isEqualTo("west");
    assertThat(onEast.get("v1", "ConfigMap", "west-ns", "settings")).isNull();
    assertThat(onWest.get("v1", "ConfigMap", "apps", "settings")).isNull();
  }

  @Test
  void theSameInstanceUnderBothNamesIsRefusedWithItsLine() throws Exception {
    Path file = dir.resolve("both.yaml");
    Files.writeString(
        file,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: both}
        spec:
          providers:
            k8s: {kubeconfig: kubeconfig}
            kubernetes: {kubeconfig: kubeconfig, context: west}
          resources:
            - type: k8s:core:namespace
              name: shop
        """);
    assertThatThrownBy(() -> DeploymentLoader.load(file))
        .hasMessageContaining("both.yaml:7")
        .hasMessageContaining("spec.providers.kubernetes")
        .hasMessageContaining("'kubernetes' and 'k8s' name the same provider instance");
  }

  @Test
  void aClusterThatDoesNotAnswerIsNamedBeforeAnythingIsPlanned() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Files.writeString(
        dir.resolve("kubeconfig"),
        Files.readString(dir.resolve("kubeconfig"))
            .replace(":" + east.server.getPort() + "\"", ":" + closed + "\""));
    Path file = dir.resolve("down.yaml");
    Files.writeString(
        file,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: down}
        spec:
          providers:
            k8s: {kubeconfig: kubeconfig, context: east}
          resources:
            - type: k8s:core:namespace
              name: shop
        """);
    Deployment d = DeploymentLoader.load(file);
    Engine engine = engine(d);
    assertThatThrownBy(() -> engine.plan(d))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("127.0.0.1:" + closed)
        .hasMessageContaining(dir.resolve("kubeconfig") + " context east");
  }
}
