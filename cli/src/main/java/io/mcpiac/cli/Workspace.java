package io.mcpiac.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
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

  private Workspace(StateStore store, ProviderRegistry registry, List<SubDeployment> remoteParts) {
    this.store = store;
    this.registry = registry;
    this.engine = new Engine(registry, store);
    this.remoteParts = List.copyOf(remoteParts);
  }

  /** For a deployment file: its providers plus those its recorded state uses. */
  public static Workspace forDeployment(StateOptions state, Deployment deployment) {
    return forDeployment(state, null, deployment);
  }

  /**
   * As {@link #forDeployment(StateOptions, Deployment)}; with {@code --servers}, the prefixes the
   * servers file names go to those MCP servers.
   */
  public static Workspace forDeployment(
      StateOptions state, ServersOptions servers, Deployment deployment) {
    Set<String> configured = new LinkedHashSet<>();
    deployment.resources().forEach(r -> configured.add(r.providerInstance()));
    return open(
        state,
        servers,
        deployment.name(),
        deployment.providers(),
        configured,
        false,
        new ProviderContext(deployment.name(), baseDirectory(deployment)));
  }

  /** For a deployment known only by name: the providers its recorded state uses. */
  public static Workspace forState(StateOptions state, String deployment) {
    return forState(state, null, deployment);
  }

  /**
   * As {@link #forState(StateOptions, String)}, with connection settings for some instances (a
   * checkpoint's, where the environment gives none).
   */
  public static Workspace forState(
      StateOptions state, String deployment, Map<String, ObjectNode> settings) {
    return open(
        state,
        null,
        deployment,
        settings,
        Set.of(),
        true,
        new ProviderContext(deployment, java.nio.file.Path.of("").toAbsolutePath()));
  }

  /** As {@link #forState(StateOptions, String)}, optionally orchestrating. */
  public static Workspace forState(StateOptions state, ServersOptions servers, String deployment) {
    return open(
        state,
        servers,
        deployment,
        Map.of(),
        Set.of(),
        true,
        new ProviderContext(deployment, java.nio.file.Path.of("").toAbsolutePath()));
  }

  /**
   * The one place that works out which provider instances a command needs: those {@code
   * configured}, those state records, those of a crashed run's unfinished calls (reconciled first)
   * and, for a deployment known by name, those of its checkpoints (a restore after a destroy
   * re-creates them). With {@code --servers} the servers' prefixes are remote, the rest local.
   */
  private static Workspace open(
      StateOptions state,
      ServersOptions servers,
      String deployment,
      Map<String, ObjectNode> settings,
      Set<String> configured,
      boolean withCheckpoints,
      ProviderContext context) {
    ServersFile file = servers == null || !servers.orchestrating() ? null : servers.load();
    StateStore store = state.open();
    try {
      Set<String> instances = new LinkedHashSet<>(configured);
      store
          .load(deployment)
          .ifPresent(s -> s.resources().values().forEach(r -> instances.add(r.provider())));
      store.unfinished(deployment).forEach(e -> instances.add(e.provider()));
      if (withCheckpoints) {
        store
            .checkpoints(deployment)
            .forEach(c -> c.resources().forEach(r -> instances.add(r.provider())));
      }
      if (file == null) {
        return new Workspace(store, Providers.registry(settings, instances, context), List.of());
      }
      return orchestrator(store, file, settings, instances, context);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Remote providers for the servers' prefixes, local ones for everything else. */
  private static Workspace orchestrator(
      StateStore store,
      ServersFile file,
      Map<String, ObjectNode> settings,
      Set<String> instances,
      ProviderContext base) {
    Set<String> remote = new LinkedHashSet<>();
    file.servers().forEach(s -> remote.addAll(s.prefixes()));
    Set<String> local = new LinkedHashSet<>();
    for (String used : instances) {
      String instance = used.contains(":") ? ResourceType.prefixOf(used) : used;
      if (!remote.contains(ProviderRegistry.baseName(instance))) {
        local.add(instance);
      }
    }
    Map<String, ObjectNode> localSettings = new java.util.LinkedHashMap<>(settings);
    localSettings.keySet().removeIf(i -> remote.contains(ProviderRegistry.baseName(i)));
    ProviderRegistry registry = Providers.registry(localSettings, local, base);
    List<SubDeployment> parts = RemoteProviders.register(registry, file, base.baseDirectory());
    return new Workspace(store, registry, parts);
  }

  /** The remote servers' parts when orchestrating (empty otherwise). */
  public List<SubDeployment> remoteParts() {
    return remoteParts;
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
