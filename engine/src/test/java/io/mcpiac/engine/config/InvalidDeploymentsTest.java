package io.mcpiac.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.providers.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad deployments: each file says in its leading {@code # expect:} comment lines
 * exactly which diagnostics it must produce, no more and no fewer:
 *
 * <pre>
 * # expect: dangling-reference at line 12: resource 'b', property 'properties.input'
 * # expect: missing-kind at line 2: property 'kind'
 * # expect: unknown-type at line 9: resource 'a', property 'type', message ~ did you mean 'core:data'
 * </pre>
 */
class InvalidDeploymentsTest {
  private static final Path CORPUS = Path.of("src/test/resources/invalid");

  private static final Pattern EXPECT =
      Pattern.compile(
          "# expect: (?<code>[a-z-]+) at line (?<line>\\d+)"
              + "(?::? resource '(?<resource>[^']*)')?"
              + "(?:[:,]? property '(?<property>[^']*)')?"
              + "(?:, message ~ (?<message>.+))?\\s*");

  record Expected(String code, int line, String resource, String property, String message) {
    boolean matches(Diagnostic d) {
      return d.code().equals(code)
          && d.location().line() == line
          && java.util.Objects.equals(d.resource(), resource)
          && java.util.Objects.equals(d.property(), property)
          && (message == null || d.message().contains(message));
    }

    @Override
    public String toString() {
      return code
          + " at line "
          + line
          + (resource == null ? "" : ": resource '" + resource + "'")
          + (property == null ? "" : ", property '" + property + "'")
          + (message == null ? "" : ", message ~ " + message);
    }
  }

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void reportsExactlyTheExpectedDiagnostics(Path file) throws IOException {
    List<Expected> expected = expectationsOf(file);
    assertThat(expected).as("a corpus file states at least one '# expect:' line").isNotEmpty();

    ProviderRegistry registry = TestProvider.registry();
    List<Diagnostic> actual = DeploymentValidator.validate(DeploymentLoader.read(file), registry);

    List<Diagnostic> unmatched = new ArrayList<>(actual);
    List<Expected> missing = new ArrayList<>();
    for (Expected e : expected) {
      Diagnostic match = unmatched.stream().filter(e::matches).findFirst().orElse(null);
      if (match == null) {
        missing.add(e);
      } else {
        unmatched.remove(match);
      }
    }
    assertThat(missing).as("expected but not reported; reported: %s", actual).isEmpty();
    assertThat(unmatched).as("reported but not expected").isEmpty();
    assertThat(actual).allSatisfy(d -> assertThat(d.location().file()).isEqualTo(file.toString()));
  }

  private static List<Expected> expectationsOf(Path file) throws IOException {
    List<Expected> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith("#")) {
        break;
      }
      Matcher m = EXPECT.matcher(line);
      if (line.startsWith("# expect:")) {
        assertThat(m.matches()).as("well-formed expectation: %s", line).isTrue();
        out.add(
            new Expected(
                m.group("code"),
                Integer.parseInt(m.group("line")),
                m.group("resource"),
                m.group("property"),
                m.group("message")));
      }
    }
    return out;
  }
}
