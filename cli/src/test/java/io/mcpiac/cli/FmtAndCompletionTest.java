package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtAndCompletionTest {
  @TempDir Path dir;

  private static final String MESSY =
      """
      # the web tier
      kind: Deployment
      apiVersion: "iac.mcp/v1"
      metadata: {name: 'messy'}   # short name
      spec:
        resources:
          # first the data
          - name: a
            properties: {input: {s: "hello", other: 'yes', n: "123", x: 5}}
            type: core:data   # the built-in type
          - type: core:data
            properties:
              input: |
                line one
                line two
            name: b
            dependsOn: [a]
      # trailing comment
      """;

  @Test
  void fmtIsCanonicalKeepsCommentsAndIsIdempotent() throws Exception {
    Path f = dir.resolve("messy.yaml");
    Files.writeString(f, MESSY);
    assertThat(Cli.run("validate", "-f", f.toString()).exit()).isZero();
    assertThat(Cli.run("fmt", "--check", f.toString()).exit()).isEqualTo(3);
    Cli.Run fmt = Cli.run("fmt", f.toString());
    assertThat(fmt.exit()).as(fmt.printed()).isZero();
    assertThat(fmt.out()).contains("messy.yaml");
    String formatted = Files.readString(f);
    assertThat(formatted)
        .startsWith("# the web tier\napiVersion: iac.mcp/v1\nkind: Deployment\n")
        .contains("metadata: # short name\n  name: messy\n")
        .contains(
            "    # first the data\n    - type: core:data # the built-in type\n      name: a\n")
        .contains("other: \"yes\"", "n: \"123\"", "x: 5", "input: |\n", "# trailing comment")
        .contains("      dependsOn:\n        - a\n      properties:\n");
    assertThat(Cli.run("fmt", "--check", f.toString()).exit()).isZero();
    Cli.Run again = Cli.run("fmt", f.toString());
    assertThat(again.out()).isEmpty();
    assertThat(Files.readString(f)).isEqualTo(formatted);
    Cli.Run valid = Cli.run("validate", "-f", f.toString());
    assertThat(valid.exit()).as(valid.printed()).isZero();
    assertThat(valid.out()).contains("2 resources");
  }

  @Test
  void fmtKeepsEveryExampleIdempotent() throws Exception {
    try (var examples = Files.walk(Path.of("..", "examples"))) {
      for (Path example : examples.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Path copy = dir.resolve(example.getFileName());
        Files.copy(example, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Cli.run("fmt", copy.toString()).exit()).as(example.toString()).isZero();
        String once = Files.readString(copy);
        Cli.run("fmt", copy.toString());
        assertThat(Files.readString(copy)).as(example.toString()).isEqualTo(once);
        long comments = Files.readAllLines(example).stream().filter(l -> l.contains("#")).count();
        long kept = once.lines().filter(l -> l.contains("#")).count();
        assertThat(kept).as(example + " keeps its comments").isGreaterThanOrEqualTo(comments);
      }
    }
  }

  @Test
  void bashCompletionCompletesSubcommands() throws Exception {
    Path script = dir.resolve("mcp-iac.bash");
    Files.writeString(script, Cli.run("completion", "bash").out());
    Process p =
        new ProcessBuilder(
                "bash",
                "-c",
                "source "
                    + script
                    + "; COMP_WORDS=(mcp-iac state m); COMP_CWORD=2; COMP_LINE='mcp-iac state m';"
                    + " COMP_POINT=${#COMP_LINE}; _complete_mcp-iac mcp-iac m state;"
                    + " echo \"${COMPREPLY[@]}\"")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(List.of(out.strip().split("\\s+"))).contains("mv", "migrate");
    assertThat(Cli.run("completion", "zsh").out())
        .startsWith("#compdef mcp-iac")
        .contains("bashcompinit");
  }

  /**
   * The zsh script in a real interactive zsh: TAB completes a command, a subcommand and a flag as a
   * user sees it. Skipped only where zsh is not installed (scripts/test-all.sh installs it).
   */
  @Test
  void zshCompletionCompletesCommandsAndFlagsInARealZsh() throws Exception {
    Path zsh =
        java.util.stream.Stream.of("/usr/bin/zsh", "/bin/zsh", "/usr/local/bin/zsh")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        zsh != null, "zsh is not installed here: apt-get install zsh (scripts/test-all.sh does)");
    Path script = dir.resolve("_mcp-iac");
    Files.writeString(script, Cli.run("completion", "zsh").out());
    Path harness = dir.resolve("zsh-complete.zsh");
    try (var in = getClass().getResourceAsStream("/zsh-complete.zsh")) {
      Files.write(harness, in.readAllBytes());
    }
    Map<String, String> expected =
        Map.of(
            "mcp-iac valid", "mcp-iac validate",
            "mcp-iac state mi", "mcp-iac state migrate",
            "mcp-iac plan --detailed-e", "mcp-iac plan --detailed-exitcode");
    for (var e : expected.entrySet()) {
      Path home = Files.createDirectories(dir.resolve("home"));
      ProcessBuilder pb =
          new ProcessBuilder(
                  zsh.toString(), "-f", harness.toString(), script.toString(), e.getKey())
              .redirectErrorStream(true);
      pb.environment().put("HOME", home.toString()); // no user's .zshrc or completion dump
      pb.environment().put("TERM", "xterm");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out).as("zsh printed:%n%s", out).contains("COMPLETION-LOADED");
      assertThat(out.substring(out.lastIndexOf("COMPLETION-LOADED")))
          .as("TAB after '%s' in zsh printed:%n%s", e.getKey(), out)
          .contains(e.getValue());
    }
  }
}
