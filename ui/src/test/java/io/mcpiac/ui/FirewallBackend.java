package io.mcpiac.ui;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.opnsense.OpnsenseProviderFactory;
import io.mcpiac.opnsense.emulator.OpnsenseEmulator;
import io.mcpiac.policy.DeploymentPolicies;
import io.mcpiac.policy.PolicySet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The UI's backend for tests: the real OPNsense provider against the emulator (26.7) and a SQLite
 * state file, wired as the cli wires them for a command.
 */
final class FirewallBackend implements UiBackend, AutoCloseable {
  final OpnsenseEmulator firewall;
  private final String state;
  private final Map<String, String> env;

  FirewallBackend(Path dir) {
    firewall =
        OpnsenseEmulator.builder()
            .version("26.7")
            .port(0)
            .bind("127.0.0.1")
            .tls(false)
            .apiKey("key")
            .apiSecret("secret")
            .build()
            .start();
    state = "sqlite:" + dir.resolve("state.db");
    env =
        Map.of(
            "OPNSENSE_URL", firewall.url(),
            "OPNSENSE_API_KEY", "key",
            "OPNSENSE_API_SECRET", "secret");
  }

  ProviderRegistry registry() {
    ProviderRegistry registry = new ProviderRegistry().register("core", new CoreProvider());
    return registry.register(
        "opnsense", new OpnsenseProviderFactory(env).create("opnsense", Json.object()));
  }

  @Override
  public StateStore openStore() {
    return StateStores.open(state);
  }

  /** The file read and validated, with its own policies reviewing the engine's plans. */
  Deployment load(Path file) {
    try (ProviderRegistry registry = registry()) {
      return DeploymentValidator.requireValid(DeploymentLoader.read(file), registry);
    }
  }

  @Override
  public FileBench forFile(Path file) {
    Deployment deployment = load(file);
    PolicySet policies = PolicySet.load(PolicySet.deploymentSources(file), List.of(), List.of());
    if (!policies.problems().isEmpty()) {
      throw new ConfigException(policies.problems());
    }
    Bench plain = bench();
    Engine engine =
        policies.isEmpty()
            ? plain.engine()
            : plain.engine().reviewedBy(new DeploymentPolicies(policies));
    return FileBench.of(deployment, engine, plain::close);
  }

  /** An engine without policies, for setting up a test. */
  Bench forDeployment(Deployment deployment) {
    return bench();
  }

  @Override
  public Bench forState(String deployment) {
    return bench();
  }

  @Override
  public Bench forCheckpoint(Checkpoint checkpoint) {
    return bench();
  }

  private Bench bench() {
    ProviderRegistry registry = registry();
    StateStore store = openStore();
    Engine engine = new Engine(registry, store);
    return new Bench() {
      @Override
      public Engine engine() {
        return engine;
      }

      @Override
      public void close() {
        registry.close();
        store.close();
      }
    };
  }

  @Override
  public void close() {
    firewall.close();
  }
}
