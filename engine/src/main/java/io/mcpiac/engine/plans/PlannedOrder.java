package io.mcpiac.engine.plans;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentGraph;
import io.mcpiac.engine.dag.DependencyGraph;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.DeploymentState;

/**
 * The order a plan gives a configuration: the file's references and {@code dependsOn}, with what
 * providers derive from the file's order ({@link Arrangement}) and the dependencies they imply
 * ({@link ImpliedOrder}). {@code validate} counts its stages without planning.
 */
public final class PlannedOrder {
  private PlannedOrder() {}

  /** The graph of a first plan of this configuration (nothing recorded yet). */
  public static DependencyGraph of(ProviderRegistry registry, Deployment configured) {
    return DeploymentGraph.of(
        arranged(registry, configured, DeploymentState.empty(configured.name())).deployment());
  }

  static ImpliedOrder.Result arranged(
      ProviderRegistry registry, Deployment configured, DeploymentState recorded) {
    return ImpliedOrder.apply(registry, Arrangement.apply(registry, configured, recorded));
  }
}
