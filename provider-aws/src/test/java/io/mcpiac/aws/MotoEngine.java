package io.mcpiac.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ProgressEvent;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine with SQLite state in a temporary folder, the core provider and an AWS provider
 * instance on Moto serving {@code deployment}: what the engine-level AWS tests drive, made anew for
 * each test (a JUnit extension). After each test it destroys whatever a failed test left in state.
 */
final class MotoEngine implements BeforeEachCallback, AfterEachCallback {
  final String deployment;
  Moto moto;
  Engine engine;
  private Path dir;
  private AwsProvider provider;
  private StateStore store;

  /** Register it: {@code @RegisterExtension final MotoEngine aws = new MotoEngine(deployment);} */
  MotoEngine(String deployment) {
    this.deployment = deployment;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    moto = Moto.require(); // skips the test without a Moto
    dir = Files.createTempDirectory("mcp-iac-aws-");
    provider = moto.provider(deployment);
    store = StateStores.open("sqlite:" + stateFile());
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(CoreProvider.NAME, new CoreProvider());
    registry.register(AwsProvider.NAME, provider);
    engine = new Engine(registry, store);
  }

  /** The SQLite state database. */
  Path stateFile() {
    return dir.resolve("state.db");
  }

  Deployment load(String yaml) {
    Deployment d = DeploymentLoader.load(yaml, "stack.yaml");
    DeploymentValidator.requireValid(d, engine.registry());
    return d;
  }

  Plan plan(String yaml) {
    return engine.plan(load(yaml));
  }

  ExecutionResult apply(Plan plan, List<ProgressEvent> events) {
    ExecutionResult r =
        engine.apply(plan, ExecutionOptions.DEFAULTS, events::add, new Cancellation());
    assertThat(r.success()).as(String.valueOf(r.error()) + " " + r.results()).isTrue();
    return r;
  }

  Engine.Applied destroy(List<ProgressEvent> events) {
    Engine.Applied destroyed =
        engine.destroy(
            deployment, ExecutionOptions.DEFAULTS, p -> true, events::add, new Cancellation());
    assertThat(destroyed.result().success())
        .as(String.valueOf(destroyed.result().error()))
        .isTrue();
    return destroyed;
  }

  ObjectNode outputs(String resource) {
    return engine.state(deployment).resources().get(resource).outputs();
  }

  /** The resources whose action completed, in the order they did. */
  static List<String> completed(List<ProgressEvent> events) {
    return events.stream()
        .filter(e -> e.kind() == ProgressEvent.Kind.ACTION_UPDATE && "complete".equals(e.status()))
        .map(ProgressEvent::resource)
        .toList();
  }

  static void assertBefore(List<String> done, String first, String then) {
    assertThat(done).contains(first, then);
    assertThat(done.indexOf(first))
        .as("%s done before %s: %s", first, then, done)
        .isLessThan(done.indexOf(then));
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      if (engine != null && !engine.state(deployment).resources().isEmpty()) {
        engine.destroy(
            deployment, ExecutionOptions.DEFAULTS, p -> true, e -> {}, new Cancellation());
      }
    } finally {
      if (store != null) {
        store.close();
      }
      if (provider != null) {
        provider.close();
      }
      if (moto != null) {
        moto.close();
      }
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(f);
          }
        }
      }
    }
  }
}
