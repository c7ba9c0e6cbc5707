package io.mcpiac.cli.commands;

import io.mcpiac.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code mcp-iac cds-training}: runs the everyday commands once (validate, plan, apply, state show,
 * graph, destroy of a small core:data deployment in a temporary directory) so that {@code
 * bin/mcp-iac} can record the classes they load into a class-data-sharing archive. Hidden: only the
 * launcher calls it. Prints nothing on stdout.
 */
@Command(
    name = "cds-training",
    hidden = true,
    description = "Internal: the training run of the class-data-sharing archive.")
public final class CdsTrainingCommand implements Callable<Integer> {
  private static final String DEPLOYMENT =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: training}
      spec:
        resources:
          - type: core:data
            name: a
            properties: {input: hello}
          - type: core:data
            name: b
            properties: {input: "${a.output} world"}
      """;

  @Override
  public Integer call() throws IOException {
    Path dir = Files.createTempDirectory("mcp-iac-cds");
    var out = System.out;
    try {
      System.setOut(System.err); // the launcher's stdout may be an MCP channel: keep it clean
      Path file = dir.resolve("training.yaml");
      Files.writeString(file, DEPLOYMENT);
      String state = "sqlite:" + dir.resolve("state.db");
      String f = file.toString();
      Main.run("--version");
      Main.run("validate", "-f", f);
      Main.run("validate", "-f", f, "--json");
      Main.run("plan", "-f", f, "--state", state);
      Main.run("apply", "-f", f, "--state", state, "--yes");
      Main.run("apply", "-f", f, "--state", state, "--yes", "--json");
      Main.run("state", "show", "training", "--state", state);
      Main.run("destroy", "training", "--state", state, "--yes");
      return 0;
    } finally {
      System.setOut(out);
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
