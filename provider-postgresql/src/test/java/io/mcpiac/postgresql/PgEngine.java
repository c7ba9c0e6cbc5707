package io.mcpiac.postgresql;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;

/**
 * The real engine (SQLite state) with the core provider and the PostgreSQL provider against the
 * test server: what {@code mcp-iac plan/apply} does, without the command line.
 */
final class PgEngine implements AutoCloseable {
  final PostgresProvider provider;
  final StateStore store;
  final Engine engine;

  PgEngine(Path dir) {
    this(dir, TestServer.provider());
  }

  PgEngine(Path dir, PostgresProvider provider) {
    this.provider = provider;
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(CoreProvider.NAME, new CoreProvider());
    registry.register(PostgresProvider.NAME, provider);
    engine = new Engine(registry, store);
  }

  Deployment load(String yaml) {
    Deployment d = DeploymentLoader.load(yaml, "test.yaml");
    DeploymentValidator.requireValid(d, engine.registry());
    return d;
  }

  Plan plan(String yaml) {
    return engine.plan(load(yaml));
  }

  ExecutionResult apply(Plan plan, int parallelism) {
    return engine.apply(
        plan, new ExecutionOptions(parallelism, false, true), e -> {}, new Cancellation());
  }

  /** Plans and applies, and insists that it worked. */
  ExecutionResult applied(String yaml) {
    Plan plan = plan(yaml);
    ExecutionResult r = apply(plan, 5);
    if (!r.success()) {
      throw new AssertionError(
          "apply failed: " + r.error() + " " + r.results() + "\n" + render(plan));
    }
    return r;
  }

  Engine.Applied destroy(String deployment) {
    return engine.destroy(
        deployment, ExecutionOptions.DEFAULTS, p -> true, e -> {}, new Cancellation());
  }

  static String render(Plan plan) {
    return new PlanRenderer(false).render(plan);
  }

  @Override
  public void close() {
    store.close();
    provider.close();
  }
}
