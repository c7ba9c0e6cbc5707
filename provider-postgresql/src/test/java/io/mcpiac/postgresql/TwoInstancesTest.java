package io.mcpiac.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances in one deployment ({@code postgresql} and {@code postgresql/reporting}), each
 * with its own {@code spec.providers} settings: each resource is made through its own instance.
 */
class TwoInstancesTest {
  @TempDir Path dir;

  @Test
  void eachInstanceWorksWithItsOwnSettings() {
    String main = TestServer.unique("inst_main");
    String reporting = TestServer.unique("inst_rep");
    TestServer.sql("postgres", "CREATE DATABASE " + main, "CREATE DATABASE " + reporting);
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: two-instances}
        spec:
          providers:
            postgresql: {database: %s}
            postgresql/reporting: {database: %s}
          resources:
            - type: postgresql:schema
              name: app
            - type: postgresql:schema
              name: marts
              provider: postgresql/reporting
        """
            .formatted(main, reporting);
    Deployment d = DeploymentLoader.load(yaml, "two.yaml");
    Map<String, String> env = TestServer.environment();
    PostgresProviderFactory factory = new PostgresProviderFactory(env::get);
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(CoreProvider.NAME, new CoreProvider());
    registry.register("postgresql", factory.create("postgresql", d.providers().get("postgresql")));
    registry.register(
        "postgresql/reporting",
        factory.create("postgresql/reporting", d.providers().get("postgresql/reporting")));
    try (StateStore store = StateStores.open("sqlite:" + dir.resolve("state.db"))) {
      Engine engine = new Engine(registry, store);
      DeploymentValidator.requireValid(d, registry);
      ExecutionResult r =
          engine.apply(engine.plan(d), ExecutionOptions.DEFAULTS, e -> {}, new Cancellation());
      assertThat(r.success()).as(String.valueOf(r.results())).isTrue();
      assertThat(
              TestServer.column(
                  main, "SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'marts')"))
          .containsExactly("app");
      assertThat(
              TestServer.column(
                  reporting, "SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'marts')"))
          .containsExactly("marts");
      assertThat(engine.plan(d).hasChanges()).isFalse();
      assertThat(
              engine
                  .destroy(
                      "two-instances",
                      ExecutionOptions.DEFAULTS,
                      p -> true,
                      e -> {},
                      new Cancellation())
                  .result()
                  .success())
          .isTrue();
    }
  }
}
