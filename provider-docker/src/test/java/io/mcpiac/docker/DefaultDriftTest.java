package io.mcpiac.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
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
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13 for Docker: a property the file leaves out means its schema default, so a container
 * changed behind the tool's back on such a property is drift in the plan (as OPNsense's left-out
 * properties are), and apply puts the default back. Real Docker Engine, real engine, SQLite state.
 */
class DefaultDriftTest {
  @TempDir Path dir;

  private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);
  private RealDocker docker;
  private DockerProvider provider;
  private StateStore store;
  private Engine engine;
  private String foreignNetwork;

  @BeforeEach
  void start() {
    docker = RealDocker.require();
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    provider = new DockerProvider(null, Duration.ofMillis(300), new ProviderContext(null, dir));
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(CoreProvider.NAME, new CoreProvider());
    registry.register(DockerProvider.NAME, provider);
    engine = new Engine(registry, store);
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (docker != null) {
      docker.removeAll(run);
      if (foreignNetwork != null) {
        docker.client().removeNetworkCmd(foreignNetwork).exec();
      }
      docker.close();
    }
  }

  @Test
  void aContainerJoinedToANetworkBehindOurBackIsDriftAgainstTheDefault() {
    // the file says nothing about networks: the container is on Docker's default bridge
    Deployment d =
        DeploymentLoader.load(
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: docker-default-drift}
            spec:
              resources:
                - type: docker:container
                  name: sleeper
                  properties:
                    image: mcp-iac-test/busybox:1
                    command: ["sleep", "600"]
                    labels: {mcp-iac-test-run: "@RUN@"}
            """
                .replace("@RUN@", run),
            "test.yaml");
    DeploymentValidator.requireValid(d, engine.registry());
    assertThat(apply(engine.plan(d)).success()).isTrue();
    Plan unchanged = engine.plan(d);
    assertThat(unchanged.hasChanges()).as(new PlanRenderer(false).render(unchanged)).isFalse();

    // someone connects the container to another network with docker network connect
    String container = engine.state("docker-default-drift").resources().get("sleeper").id();
    foreignNetwork = "foreign-" + run;
    docker.client().createNetworkCmd().withName(foreignNetwork).exec();
    docker
        .client()
        .connectToNetworkCmd()
        .withNetworkId(foreignNetwork)
        .withContainerId(container)
        .exec();

    Plan plan = engine.plan(d);
    PlannedAction sleeper = plan.action("sleeper").orElseThrow();
    String shown = new PlanRenderer(false).render(plan);
    assertThat(sleeper.drift()).as(shown).extracting(PropertyChange::path).contains("networks");
    assertThat(sleeper.action()).as(shown).isEqualTo(ActionType.REPLACE);
    assertThat(shown).contains("networks").contains(foreignNetwork);

    // apply puts the default back: the container is on the bridge alone again
    assertThat(apply(plan).success()).isTrue();
    String replaced = engine.state("docker-default-drift").resources().get("sleeper").id();
    InspectContainerResponse now = docker.client().inspectContainerCmd(replaced).exec();
    Map<String, ?> networks = now.getNetworkSettings().getNetworks();
    assertThat(networks.keySet()).containsExactly("bridge");
    assertThat(engine.plan(d).hasChanges()).isFalse();

    Engine.Applied destroyed =
        engine.destroy(
            "docker-default-drift",
            ExecutionOptions.DEFAULTS,
            p -> true,
            e -> {},
            new Cancellation());
    assertThat(destroyed.result().success()).isTrue();
    assertThat(docker.managedObjects(run)).isEmpty();
  }

  private io.mcpiac.engine.execution.ExecutionResult apply(Plan plan) {
    return engine.apply(plan, ExecutionOptions.DEFAULTS, e -> {}, new Cancellation());
  }
}
