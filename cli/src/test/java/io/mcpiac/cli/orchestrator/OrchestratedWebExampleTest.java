package io.mcpiac.cli.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.mcpiac.docker.client.DockerConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/orchestrated-web} against the real Docker Engine ({@code DOCKER_HOST}, see {@code
 * scripts/start-docker.sh}) and the OPNsense emulator: a docker server over stdio, the firewall
 * server over HTTP, an app server (core types) over stdio, each a separate process, and the
 * orchestrator as a fourth. Skipped without Docker unless {@code MCP_IAC_REQUIRE_DOCKER=1}.
 */
class OrchestratedWebExampleTest {
  static final String BUSYBOX = "mcp-iac-test/busybox:1";

  @TempDir Path dir;
  FirewallAndAppServers parts;
  DockerConnection docker;
  final String run = UUID.randomUUID().toString();

  @BeforeEach
  void start() throws Exception {
    docker = requireDocker();
    String dockerServer = Processes.stdioServer("docker", dir.resolve("docker.db"));
    parts = new FirewallAndAppServers(dir, List.of(dockerServer));
  }

  @AfterEach
  void stop() {
    if (parts != null) {
      parts.close();
    }
    if (docker != null) {
      // whatever a failed assertion left behind
      for (Container c : ours()) {
        docker.client().removeContainerCmd(c.getId()).withForce(true).exec();
      }
      docker.close();
    }
  }

  static DockerConnection requireDocker() {
    DockerConnection c = new DockerConnection(null);
    String problem = null;
    try {
      c.client().pingCmd().exec();
      c.client().inspectImageCmd(BUSYBOX).exec();
    } catch (NotFoundException e) {
      problem = "the image " + BUSYBOX + " is missing";
    } catch (RuntimeException e) {
      problem = "no Docker Engine answers at " + c.host() + " (" + e + ")";
    }
    if (problem == null) {
      return c;
    }
    c.close();
    String message = problem + "; run `source scripts/start-docker.sh` first";
    if ("1".equals(System.getenv("MCP_IAC_REQUIRE_DOCKER"))) {
      fail("MCP_IAC_REQUIRE_DOCKER=1 but " + message);
    }
    Assumptions.abort("skipped: " + message);
    return null;
  }

  /** The example, with a label naming this test run so only our containers are looked at. */
  Path example(String extra) throws Exception {
    String yaml = Files.readString(Path.of("../examples/orchestrated-web/deployment.yaml"));
    assertThat(yaml).contains("labels: {app: web}");
    yaml = yaml.replace("labels: {app: web}", "labels: {app: web, test-run: \"" + run + "\"}");
    return parts.file("web-" + UUID.randomUUID() + ".yaml", yaml + extra);
  }

  List<Container> ours() {
    return docker
        .client()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("test-run", run))
        .exec();
  }

  /** Container resource name → its address on its network. */
  Map<String, String> containerIps() {
    DockerClient client = docker.client();
    Map<String, String> out = new TreeMap<>();
    for (Container c : ours()) {
      var inspect = client.inspectContainerCmd(c.getId()).exec();
      String ip = null;
      for (ContainerNetwork n : inspect.getNetworkSettings().getNetworks().values()) {
        ip = n.getIpAddress();
      }
      out.put(c.getLabels().get("io.mcpiac.resource"), ip);
    }
    return out;
  }

  @Test
  void theExampleRunsAcrossDockerAndTheFirewallAndAFailureLeavesNothingBehind() throws Exception {
    // a failure on a third server after the containers and HAProxy exist: both are rolled back
    Path failing =
        example(
            """
                - type: core:data
                  name: boom
                  properties: {input: x, failOnCreate: true}
                  dependsOn: [web-frontend, web-dns, allow-web]
            """);
    Processes.Run failed = parts.orchestrate("apply", "-f", failing.toString(), "--yes", "--json");
    assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.json().path("rolledBack").asBoolean()).isTrue();
    assertThat(ours()).isEmpty();
    assertThat(parts.haproxy("Servers")).isEmpty();
    assertThat(parts.haproxy("Backends")).isEmpty();
    assertThat(parts.haproxy("Frontends")).isEmpty();

    // the example itself
    Path file = example("");
    Processes.Run applied = parts.orchestrate("apply", "-f", file.toString(), "--yes", "--json");
    assertThat(applied.exit()).as(applied.toString()).isZero();
    Map<String, String> ips = containerIps();
    assertThat(ips).containsOnlyKeys("app-1", "app-2");
    assertThat(ips.values()).doesNotContainNull();
    Map<String, JsonNode> servers = parts.haproxy("Servers");
    assertThat(servers.get("web-1").path("address").asText()).isEqualTo(ips.get("app-1"));
    assertThat(servers.get("web-2").path("address").asText()).isEqualTo(ips.get("app-2"));
    assertThat(parts.haproxy("Frontends")).containsOnlyKeys("web-frontend");
    Processes.Run plan = parts.orchestrate("plan", "-f", file.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.toString()).isZero();

    Processes.Run destroyed = parts.orchestrate("destroy", "orchestrated-web", "--yes");
    assertThat(destroyed.exit()).as(destroyed.toString()).isZero();
    assertThat(ours()).isEmpty();
    assertThat(parts.haproxy("Servers")).isEmpty();
    assertThat(parts.haproxy("Frontends")).isEmpty();
  }
}
