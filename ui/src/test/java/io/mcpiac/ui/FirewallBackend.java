package io.mcpiac.ui;

import io.mcpiac.engine.Engine;
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
import java.nio.file.Path;
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

  @Override
  public Deployment load(Path file) {
    try (ProviderRegistry registry = registry()) {
      return DeploymentValidator.requireValid(DeploymentLoader.read(file), registry);
    }
  }

  @Override
  public Bench forDeployment(Deployment deployment) {
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
