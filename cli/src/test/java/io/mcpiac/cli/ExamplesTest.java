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

  @org.junit.jupiter.api.Test
  void theDirectoryExampleValidatesWithItsTemplate() {
    Cli.Run run = Cli.run("validate", "-f", "../examples/web-service");
    assertThat(run.exit()).as(run.printed()).isZero();
    assertThat(run.out()).contains("is valid");
  }

  /**
   * The seed's full-stack example validates with every provider (no system is reached); its
   * database password is a required sensitive variable, and its servers file names three servers.
   */
  @org.junit.jupiter.api.Test
  void theCustomerPortalValidatesAndNeedsItsDatabasePassword() {
    String file = "../examples/customer-portal/deployment.yaml";
    Cli.Run run = Cli.run("validate", "-f", file, "--var", "dbPassword=long-enough-1");
    assertThat(run.exit()).as(run.printed()).isZero();
    assertThat(run.out()).contains("is valid");
    Cli.Run without = Cli.run("validate", "-f", file);
    assertThat(without.exit()).as(without.printed()).isEqualTo(2);
    assertThat(without.printed()).contains("dbPassword");
    var servers =
        io.mcpiac.mcp.remote.ServersFile.load(Path.of("../examples/customer-portal/servers.yaml"));
    assertThat(servers.servers())
        .extracting(s -> s.name() + " " + s.prefixes())
        .containsExactly("firewall [opnsense]", "aws [aws]", "docker [docker]");
  }

  /** The core examples through the real engine path: apply, plan again (nothing), destroy. */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"core-variables.yaml", "core-for-each.yaml"})
  void coreExamplesApplyAndConverge(String name, @org.junit.jupiter.api.io.TempDir Path dir) {
    String file = "../examples/" + name;
    String state = "sqlite:" + dir.resolve("state.db");
    Cli.Run apply = Cli.run("apply", "-f", file, "--yes", "--state", state);
    assertThat(apply.exit()).as(apply.printed()).isZero();
    assertThat(apply.out()).contains("Outputs:");
    Cli.Run again = Cli.run("plan", "-f", file, "--state", state, "--detailed-exitcode");
    assertThat(again.exit()).as(again.printed()).isZero();
    String deployment = name.replace(".yaml", "");
    Cli.Run destroy = Cli.run("destroy", deployment, "--yes", "--state", state);
    assertThat(destroy.exit()).as(destroy.printed()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void validates(Path example) {
    Cli.Run run = Cli.run("validate", "-f", example.toString());
    assertThat(run.exit()).as(run.printed()).isZero();
    assertThat(run.out()).contains("is valid");
  }
}
