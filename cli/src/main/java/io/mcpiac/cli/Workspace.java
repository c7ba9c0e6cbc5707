package io.mcpiac.cli;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateStore;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The state store, the providers and the engine a command works with; closes them all. */
public final class Workspace implements AutoCloseable {
  private final StateStore store;
  private final ProviderRegistry registry;
  private final Engine engine;

  private Workspace(StateStore store, ProviderRegistry registry) {
    this.store = store;
    this.registry = registry;
    this.engine = new Engine(registry, store);
  }

  /** For a deployment file: its providers plus those its recorded state uses. */
  public static Workspace forDeployment(StateOptions state, Deployment deployment) {
    StateStore store = state.open();
    try {
      Set<String> instances = new LinkedHashSet<>();
      for (ResourceConfig r : deployment.resources()) {
        instances.add(r.providerInstance());
      }
      store
          .load(deployment.name())
          .ifPresent(s -> s.resources().values().forEach(r -> instances.add(r.provider())));
      return new Workspace(
          store,
          Providers.registry(
              deployment.providers(),
              instances,
              new ProviderContext(deployment.name(), baseDirectory(deployment))));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** For a deployment known only by name: the providers its recorded state uses. */
  public static Workspace forState(StateOptions state, String deployment) {
    StateStore store = state.open();
    try {
      Set<String> instances = new LinkedHashSet<>();
      DeploymentState s = store.load(deployment).orElse(DeploymentState.empty(deployment));
      for (ResourceRecord r : s.resources().values()) {
        instances.add(r.provider());
      }
      return new Workspace(
          store,
          Providers.registry(
              Map.of(),
              instances,
              new ProviderContext(deployment, java.nio.file.Path.of("").toAbsolutePath())));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The directory of the deployment's file; the working directory for other origins. */
  public static java.nio.file.Path baseDirectory(Deployment deployment) {
    String file = deployment.location().file();
    java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
    if (file == null || file.startsWith("<")) {
      return here;
    }
    java.nio.file.Path parent = here.resolve(file).getParent();
    return parent != null ? parent : here;
  }

  public StateStore store() {
    return store;
  }

  public ProviderRegistry registry() {
    return registry;
  }

  public Engine engine() {
    return engine;
  }

  @Override
  public void close() {
    registry.close();
    store.close();
  }
}
