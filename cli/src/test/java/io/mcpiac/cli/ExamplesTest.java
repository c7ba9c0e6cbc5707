package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    int exit;
    try {
      PrintStream capture = new PrintStream(sink, true, StandardCharsets.UTF_8);
      System.setOut(capture);
      System.setErr(capture);
      exit = Main.run("validate", "-f", example.toString());
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(exit).as(sink.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(sink.toString(StandardCharsets.UTF_8)).contains("is valid");
  }
}
