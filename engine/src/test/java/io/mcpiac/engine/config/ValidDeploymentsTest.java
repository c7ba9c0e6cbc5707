package io.mcpiac.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Good deployments, and the repository's examples that use only built-in types, validate without a
 * single diagnostic. (Examples for other providers are validated in the cli module, where every
 * provider is on the classpath.)
 */
class ValidDeploymentsTest {

  static Stream<Path> deployments() throws IOException {
    try (Stream<Path> valid = Files.list(Path.of("src/test/resources/valid"));
        Stream<Path> examples = Files.list(Path.of("../examples"))) {
      return Stream.concat(
          valid, examples.filter(f -> f.getFileName().toString().startsWith("core-")))
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deployments")
  void validatesCleanly(Path file) {
    LoadedDeployment loaded = DeploymentLoader.read(file);

    assertThat(DeploymentValidator.validate(loaded, TestProvider.registry())).isEmpty();
    assertThat(loaded.deployment().resources())
        .allSatisfy(r -> assertThat(r.location().line()).isPositive());
    // the graph the planner uses has an order for every valid deployment
    assertThat(DeploymentGraph.of(loaded.deployment()).order())
        .hasSize(loaded.deployment().resources().size());
  }
}
