package io.mcpiac.cli;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.mcp.remote.RemoteProviders;
import io.mcpiac.mcp.remote.ServersFile;
import io.mcpiac.mcp.remote.SubDeployment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state store, the providers and the engine a command works with; closes them all. */
public final class Workspace implements AutoCloseable {
  private final StateStore store;
  private final ProviderRegistry registry;
  private final Engine engine;

  private final List<SubDeployment> remoteParts;

  private Workspace(StateStore store, ProviderRegistry registry) {
    this(store, registry, List.of());
  }

  private Workspace(StateStore store, ProviderRegistry registry, List<SubDeployment> remoteParts) {
    this.store = store;
    this.registry = registry;
    this.engine = new Engine(registry, store);
    this.remoteParts = List.copyOf(remoteParts);
  }

  /**
   * For a deployment file, as {@link #forDeployment(StateOptions, Deployment)}; with {@code
   * --servers}, the prefixes the servers file names go to those MCP servers.
   */
  public static Workspace forDeployment(
      StateOptions state, ServersOptions servers, Deployment deployment) {
    if (servers == null || !servers.orchestrating()) {
      return forDeployment(state, deployment);
    }
    ServersFile file = servers.load();
    StateStore store = state.open();
    try {
      Set<String> instances = new LinkedHashSet<>();
      for (ResourceConfig r : deployment.resources()) {
        instances.add(r.providerInstance());
      }
      store
          .load(deployment.name())
          .ifPresent(s -> s.resources().values().forEach(r -> instances.add(r.provider())));
      store.unfinished(deployment.name()).forEach(e -> instances.add(e.provider()));
      return orchestrator(
          store,
          file,
          deployment.providers(),
          instances,
          new ProviderContext(deployment.name(), baseDirectory(deployment)));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** For a deployment known only by name, as {@link #forState}, optionally orchestrating. */
  public static Workspace forState(StateOptions state, ServersOptions servers, String deployment) {
    if (servers == null || !servers.orchestrating()) {
      return forState(state, deployment);
    }
    ServersFile file = servers.load();
    StateStore store = state.open();
    try {
      Set<String> instances = new LinkedHashSet<>();
      DeploymentState s = store.load(deployment).orElse(DeploymentState.empty(deployment));
      for (ResourceRecord r : s.resources().values()) {
        instances.add(r.provider());
      }
      store.unfinished(deployment).forEach(e -> instances.add(e.provider()));
      return orchestrator(
          store,
          file,
          Map.of(),
          instances,
          new ProviderContext(deployment, java.nio.file.Path.of("").toAbsolutePath()));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Remote providers for the servers' prefixes, local ones for everything else. */
  private static Workspace orchestrator(
      StateStore store,
      ServersFile file,
      Map<String, com.fasterxml.jackson.databind.node.ObjectNode> settings,
      Set<String> instances,
      ProviderContext base) {
    Set<String> remote = new LinkedHashSet<>();
    file.servers().forEach(s -> remote.addAll(s.prefixes()));
    Set<String> local = new LinkedHashSet<>();
    for (String used : instances) {
      String instance =
          used.contains(":") ? io.mcpiac.engine.resources.ResourceType.prefixOf(used) : used;
      if (!remote.contains(ProviderRegistry.baseName(instance))) {
        local.add(instance);
      }
    }
    Map<String, com.fasterxml.jackson.databind.node.ObjectNode> localSettings =
        new java.util.LinkedHashMap<>(settings);
    localSettings.keySet().removeIf(i -> remote.contains(ProviderRegistry.baseName(i)));
    ProviderRegistry registry = Providers.registry(localSettings, local, base);
    List<SubDeployment> parts = RemoteProviders.register(registry, file);
    return new Workspace(store, registry, parts);
  }

  /** The remote servers' parts when orchestrating (empty otherwise). */
  public List<SubDeployment> remoteParts() {
    return remoteParts;
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
      store.unfinished(deployment.name()).forEach(e -> instances.add(e.provider()));
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
    return forState(state, deployment, Map.of());
  }

  /**
   * As {@link #forState(StateOptions, String)}, with connection settings for some instances (a
   * checkpoint's, where the environment gives none).
   */
  public static Workspace forState(
      StateOptions state,
      String deployment,
      Map<String, com.fasterxml.jackson.databind.node.ObjectNode> settings) {
    StateStore store = state.open();
    try {
      Set<String> instances = new LinkedHashSet<>();
      DeploymentState s = store.load(deployment).orElse(DeploymentState.empty(deployment));
      for (ResourceRecord r : s.resources().values()) {
        instances.add(r.provider());
      }
      // a crashed run's unfinished calls are reconciled first: their providers are needed too
      store.unfinished(deployment).forEach(e -> instances.add(e.provider()));
      // a checkpoint restored after a destroy needs the providers of what it re-creates
      store
          .checkpoints(deployment)
          .forEach(c -> c.resources().forEach(r -> instances.add(r.provider())));
      return new Workspace(
          store,
          Providers.registry(
              settings,
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
