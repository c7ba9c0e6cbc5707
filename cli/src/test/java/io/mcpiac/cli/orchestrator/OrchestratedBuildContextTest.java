package io.mcpiac.cli.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Image;
import io.mcpiac.docker.client.DockerConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relative build context means the same through the orchestrator as without it: relative to the
 * deployment file's directory, also when the orchestrator runs elsewhere (from a repository's root
 * with {@code -f examples/x/deployment.yaml}) and the docker server is a stdio child of it. Against
 * the real Docker Engine; skipped without one unless {@code MCP_IAC_REQUIRE_DOCKER=1}.
 */
class OrchestratedBuildContextTest {
  @TempDir Path dir;
  DockerConnection docker;
  final String run = UUID.randomUUID().toString();

  @BeforeEach
  void start() {
    docker = OrchestratedWebExampleTest.requireDocker();
  }

  @AfterEach
  void stop() {
    if (docker != null) {
      for (Image i : ours()) {
        docker.client().removeImageCmd(i.getId()).withForce(true).exec();
      }
      docker.close();
    }
  }

  List<Image> ours() {
    return docker.client().listImagesCmd().withLabelFilter(Map.of("test-run", run)).exec();
  }

  @Test
  void aRelativeContextResolvesAgainstTheDeploymentFileNotTheOrchestratorsDirectory()
      throws Exception {
    Path project = dir.resolve("examples/site");
    Files.createDirectories(project.resolve("app"));
    Files.writeString(
        project.resolve("app/Dockerfile"),
        "FROM " + OrchestratedWebExampleTest.BUSYBOX + "\nCOPY index.html /www/index.html\n");
    Files.writeString(project.resolve("app/index.html"), "hello\n");
    Files.writeString(
        project.resolve("deployment.yaml"),
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: site}
        spec:
          resources:
            - type: docker:image:build
              name: site-image
              properties:
                dockerfile: ./Dockerfile
                context: ./app
                labels: {test-run: "%s"}
        """
            .formatted(run));
    Path servers = dir.resolve("servers.yaml");
    Files.writeString(
        servers,
        "servers:\n  - name: docker\n    prefixes: [\"docker:\"]\n    command: "
            + Processes.yamlCommand(
                List.of("serve", "--provider", "docker", "--state", "sqlite:docker.db"))
            + "\n");
    List<String> common = List.of("--servers", "servers.yaml", "--state", "sqlite:orch.db");

    Processes.Run applied = orchestrate(common, "apply", "-f", "examples/site/deployment.yaml");
    assertThat(applied.exit()).as(applied.toString()).isZero();
    assertThat(ours()).hasSize(1);
    Processes.Run plan =
        orchestrate(common, "plan", "-f", "examples/site/deployment.yaml", "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.toString()).isZero();

    // not checked here: an orchestrated plan compares with what each server recorded (no live
    // read through the standard tools), so a changed file of the context is not seen by it
    Processes.Run destroyed = orchestrate(common, "destroy", "site");
    assertThat(destroyed.exit()).as(destroyed.toString()).isZero();
    assertThat(ours()).isEmpty();
  }

  Processes.Run orchestrate(List<String> common, String... args) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    if (args[0].equals("apply") || args[0].equals("destroy")) {
      all.add("--yes");
    }
    all.addAll(common);
    return Processes.run(dir, all, Map.of());
  }
}
