package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in examples/ passes {@code mcp-iac validate}, with every provider available. */
class ExamplesTest {
  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../examples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void validates(Path example) {
    Cli.Run run = Cli.run("validate", "-f", example.toString());
    assertThat(run.exit()).as(run.printed()).isZero();
    assertThat(run.out()).contains("is valid");
  }
}
