package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.cli.demo.Sandbox;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.imports.Importer;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcp-iac import}: what a firewall has becomes a file that plans as no-op. */
class ImporterTest {
  @TempDir Path dir;

  @Test
  void importedFilePlansAsNoOp() throws Exception {
    try (Sandbox fw = Sandbox.start("26.7");
        ProviderRegistry reg = Office.registry(fw);
        StateStore built = StateStores.open("sqlite:" + dir.resolve("built.db"));
        StateStore adopted = StateStores.open("sqlite:" + dir.resolve("adopted.db"))) {
      // someone built the firewall earlier (another tool, the GUI, another state)
      Deployment web =
          DeploymentValidator.requireValid(
              DeploymentLoader.load(Path.of("..", "examples", "opnsense-web.yaml")), reg);
      Engine.Applied a =
          new Engine(reg, built)
              .planAndApply(
                  web,
                  ExecutionOptions.DEFAULTS,
                  p -> true,
                  ProgressListener.NONE,
                  new Cancellation());
      assertThat(a.result().success()).isTrue();

      Engine engine = new Engine(reg, adopted);
      Importer.Result result =
          Importer.run(
              engine,
              "adopted",
              "opnsense",
              reg.instance("opnsense").orElseThrow().resourceTypes());
      assertThat(result.resources()).isEqualTo(12);
      Deployment file =
          DeploymentValidator.requireValid(DeploymentLoader.load(result.yaml(), "fw.yaml"), reg);
      assertThat(file.resources()).hasSize(12);
      assertThat(engine.plan(file).hasChanges()).isFalse();
    }
  }
}
