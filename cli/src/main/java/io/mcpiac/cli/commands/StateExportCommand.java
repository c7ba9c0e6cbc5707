package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.engine.errors.NotFoundException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.StateExport;
import io.mcpiac.engine.states.StateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac state export NAME [--out FILE]}. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write a deployment's latest state and its checkpoints as JSON (format "
          + StateExport.FORMAT
          + "), for state import.",
      "Secrets are in it only as the digests state records."
    })
public final class StateExportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME", description = "The deployment.")
  String name;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write to FILE (readable by its owner only) instead of stdout.")
  Path out;

  @Mixin StateOptions state;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    StateExport export;
    try (StateStore store = state.openExisting()) {
      DeploymentState latest =
          store
              .load(name)
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "no deployment named '" + name + "' in " + store.location()));
      export = new StateExport(latest, store.checkpoints(name));
      if (!store.unfinished(name).isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "warning: '"
                    + name
                    + "' has unfinished journal entries (an interrupted run); the export holds"
                    + " only what state recorded");
      }
    }
    String json = Json.pretty(export.toJson());
    if (out == null) {
      spec.commandLine().getOut().println(json);
      return ExitCodes.OK;
    }
    writeOwnerOnly(out, json + "\n");
    spec.commandLine()
        .getOut()
        .println(
            "Exported '"
                + name
                + "' at version "
                + export.state().version()
                + " ("
                + export.state().resources().size()
                + " resources, "
                + export.checkpoints().size()
                + " checkpoints) to "
                + out);
    return ExitCodes.OK;
  }

  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    if (!Files.exists(absolute)) {
      try {
        Files.createFile(
            absolute,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the default permissions it is.
      }
    }
    Files.writeString(
        absolute,
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
  }
}
