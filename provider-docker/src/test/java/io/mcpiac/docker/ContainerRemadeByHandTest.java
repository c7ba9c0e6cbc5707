package io.mcpiac.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.PropertyChange;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13 item 2 through the engine: a container whose file leaves out command, env and volumes
 * plans no change while it runs the image's CMD and ENV, and one re-made by hand ({@code docker rm
 * -f}, {@code docker run} with the same labels) with an env variable and a bind mount of its own is
 * drift against the defaults ({@code {}}, {@code []}) and is replaced.
 */
class ContainerRemadeByHandTest {
  @TempDir Path dir;

  private final RealDocker docker = RealDocker.require();
  private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);
  private StateStore store;
  private DockerProvider provider;
  private Engine engine;

  @BeforeEach
  void engineOnTheRealDocker() {
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    provider = new DockerProvider(null, Duration.ofMillis(500), new ProviderContext("remade", dir));
    engine = DockerTestEngine.of(provider, store);
  }

  @AfterEach
  void removeWhatIsLeft() {
    try (docker;
        DockerProvider ours = provider) {
      store.close();
      docker.removeAll(run);
    }
  }

  @Test
  void envAndMountsAddedByHandAreDriftAgainstTheDefaults() {
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: remade}
        spec:
          resources:
            - type: docker:container
              name: shell
              properties:
                image: mcp-iac-test/busybox:1
                labels: {mcp-iac-test-run: "%s"}
        """
            .formatted(run);
    Deployment d = DeploymentLoader.load(yaml, dir.resolve("remade.yaml").toString());
    DeploymentValidator.requireValid(d, engine.registry());
    assertThat(apply(engine.plan(d))).isTrue();
    // the image's CMD (sh, which exits at once without a terminal) and ENV (none) are what Docker
    // runs, not drift
    Plan unchanged = engine.plan(d);
    assertThat(unchanged.hasChanges()).as(new PlanRenderer(false).render(unchanged)).isFalse();
    assertThat(unchanged.hasDrift()).isFalse();

    String id = engine.state("remade").resources().get("shell").id();
    InspectContainerResponse c = docker.client().inspectContainerCmd(id).exec();
    docker.client().removeContainerCmd(id).withForce(true).exec();
    java.util.List<String> env = new java.util.ArrayList<>();
    if (c.getConfig().getEnv() != null) {
      env.addAll(java.util.List.of(c.getConfig().getEnv()));
    }
    env.add("DEBUG=1");
    docker
        .client()
        .createContainerCmd(c.getConfig().getImage())
        .withName(id)
        .withLabels(c.getConfig().getLabels())
        .withCmd(c.getConfig().getCmd())
        .withEnv(env)
        .withHostConfig(c.getHostConfig().withBinds(new Bind("/tmp", new Volume("/mnt"))))
        .exec();
    docker.client().startContainerCmd(id).exec();
    // its sh exits at once, as the original's did: plan once it has (a state changing between
    // plan and apply makes the plan stale)
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                !Boolean.TRUE.equals(
                    docker.client().inspectContainerCmd(id).exec().getState().getRunning()));

    Plan plan = engine.plan(d);
    String shown = new PlanRenderer(false).render(plan);
    PlannedAction shell = plan.action("shell").orElseThrow();
    assertThat(shell.drift()).as(shown).extracting(PropertyChange::path).contains("env", "volumes");
    assertThat(shell.action()).as(shown).isEqualTo(ActionType.REPLACE);
    assertThat(shown).contains("DEBUG", "/mnt");

    // apply puts the file's container back: the image's env alone, no mount
    assertThat(apply(plan)).isTrue();
    String replaced = engine.state("remade").resources().get("shell").id();
    InspectContainerResponse after = docker.client().inspectContainerCmd(replaced).exec();
    assertThat(after.getConfig().getEnv() == null ? new String[0] : after.getConfig().getEnv())
        .noneMatch(e -> e.startsWith("DEBUG="));
    assertThat(after.getHostConfig().getBinds()).isNullOrEmpty();
    assertThat(engine.plan(d).hasChanges()).isFalse();
  }

  private boolean apply(Plan plan) {
    return engine.apply(plan, ExecutionOptions.DEFAULTS, e -> {}, new Cancellation()).success();
  }
}
