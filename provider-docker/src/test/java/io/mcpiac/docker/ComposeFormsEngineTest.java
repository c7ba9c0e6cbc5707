package io.mcpiac.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker compose's short forms against the real Docker Engine: the container is what the long form
 * would make, and the second plan is empty (a short form never looks like drift).
 */
class ComposeFormsEngineTest {
  @TempDir Path dir;

  private RealDocker docker;
  private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);
  private DockerProvider provider;
  private StateStore store;
  private Engine engine;

  @BeforeEach
  void start() {
    docker = RealDocker.require();
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    provider =
        new DockerProvider(null, Duration.ofMillis(500), new ProviderContext("compose", dir));
    engine = DockerTestEngine.of(provider, store);
  }

  @AfterEach
  void stop() {
    store.close();
    provider.close();
    docker.removeAll(run);
    docker.close();
  }

  @Test
  void shortFormsMakeTheContainerAndTheSecondPlanIsEmpty() throws Exception {
    int port;
    int udp;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        java.net.DatagramSocket u = new java.net.DatagramSocket(0)) {
      port = s.getLocalPort();
      udp = u.getLocalPort();
    }
    Files.createDirectories(dir.resolve("site"));
    Files.writeString(dir.resolve("site/index.html"), "from a relative bind mount\n");
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: compose}
        spec:
          resources:
            - type: docker:volume
              name: data
              properties: {labels: {mcp-iac-test-run: "%s"}}
            - type: docker:container
              name: web
              properties:
                image: mcp-iac-test/busybox:1
                command: httpd -f -p 80 -h "/www"
                ports: ["127.0.0.1:%d:80", "%d:53/udp"]
                volumes: ["./site:/www:ro", "${data.name}:/var/lib/data"]
                environment: ["GREETING=hello world", "MODE=test"]
                restart: unless-stopped
                mem_limit: 64m
                cpus: 0.5
                labels: {mcp-iac-test-run: "%s"}
        """
            .formatted(run, port, udp, run);
    Deployment d = DeploymentLoader.load(yaml, dir.resolve("compose.yaml").toString());
    DeploymentValidator.requireValid(d, engine.registry());
    Plan first = engine.plan(d);
    String shown = new PlanRenderer(false).render(first);
    assertThat(shown).contains("\"containerPort\":80", dir.resolve("site").toString());
    ExecutionResult result =
        engine.apply(first, ExecutionOptions.DEFAULTS, e -> {}, new Cancellation());
    assertThat(result.success()).as(result.toString()).isTrue();

    String id = engine.state("compose").resources().get("web").outputs().get("id").asText();
    InspectContainerResponse c = docker.client().inspectContainerCmd(id).exec();
    assertThat(c.getConfig().getCmd()).containsExactly("httpd", "-f", "-p", "80", "-h", "/www");
    assertThat(Arrays.asList(c.getConfig().getEnv())).contains("GREETING=hello world", "MODE=test");
    assertThat(c.getHostConfig().getRestartPolicy().getName()).isEqualTo("unless-stopped");
    assertThat(c.getHostConfig().getMemory()).isEqualTo(64L << 20);
    assertThat(c.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
    List<String> bindings = new java.util.ArrayList<>();
    c.getHostConfig()
        .getPortBindings()
        .getBindings()
        .forEach(
            (exposed, bound) -> {
              for (var b : bound) {
                bindings.add(b.getHostIp() + ":" + b.getHostPortSpec() + "->" + exposed);
              }
            });
    assertThat(bindings).contains("127.0.0.1:" + port + "->80/tcp");
    assertThat(bindings).anyMatch(b -> b.endsWith(":" + udp + "->53/udp"));
    List<String> mounts =
        c.getMounts().stream()
            .map(m -> m.getSource() + "->" + m.getDestination() + (m.getRW() ? "" : ":ro"))
            .toList();
    assertThat(mounts).contains(dir.resolve("site") + "->/www:ro");
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              try {
                return http.send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/index.html"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body();
              } catch (java.io.IOException e) {
                return "";
              }
            },
            body -> body.equals("from a relative bind mount\n"));

    Plan second = engine.plan(d);
    assertThat(second.hasChanges()).as(new PlanRenderer(false).render(second)).isFalse();
    assertThat(second.hasDrift()).isFalse();
  }
}
