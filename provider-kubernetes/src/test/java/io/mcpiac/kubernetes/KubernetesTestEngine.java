package io.mcpiac.kubernetes;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.VariableInputs;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import java.nio.file.Path;

/** The engine the end-to-end tests plan and apply with: core and one provider on the mock. */
final class KubernetesTestEngine implements AutoCloseable {
  final KubernetesProvider provider;
  final Engine engine;

  KubernetesTestEngine(MockCluster cluster, StateStore store, String deployment) {
    provider = new KubernetesProvider(cluster.connection("default"), deployment);
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(CoreProvider.NAME, new CoreProvider());
    registry.register(KubernetesProvider.NAME, provider);
    engine = new Engine(registry, store);
  }

  /** The file, validated, with {@code vars} (JSON) as the variables' values. */
  Deployment load(Path file, String vars) {
    return DeploymentValidator.requireValid(
        DeploymentLoader.read(
            file, VariableInputs.fromEnvironment().withArguments(Json.parseObject(vars))),
        engine.registry());
  }

  Deployment load(String yaml, String vars) {
    return DeploymentValidator.requireValid(
        DeploymentLoader.read(
            yaml,
            "test.yaml",
            VariableInputs.fromEnvironment().withArguments(Json.parseObject(vars))),
        engine.registry());
  }

  Plan plan(Deployment d) {
    return engine.plan(d);
  }

  ExecutionResult apply(Plan plan) {
    return engine.apply(plan, ExecutionOptions.DEFAULTS, e -> {}, new Cancellation());
  }

  @Override
  public void close() {
    provider.close();
  }
}
