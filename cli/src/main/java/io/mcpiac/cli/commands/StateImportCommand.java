package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.StateExport;
import io.mcpiac.engine.states.StateLock;
import io.mcpiac.engine.states.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac state import FILE [--force]}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Make a file written by state export the deployment's state, as a new version, under the"
          + " deployment's lock. Its checkpoints are added unless already present.",
      "Refuses (exit code 2) when the deployment here has a newer version than the file, unless"
          + " --force."
    })
public final class StateImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A file written by state export.")
  Path file;

  @Option(names = "--force", description = "Replace the state even if it is newer than FILE.")
  boolean force;

  @Mixin StateOptions state;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    StateExport export = read(file);
    String name = export.state().name();
    try (StateStore store = state.open();
        StateLock lock = store.lock(name, LockInfo.current("import"))) {
      long current = store.version(name);
      if (current > export.state().version() && !force) {
        throw new UsageException(
            "deployment '"
                + name
                + "' is at version "
                + current
                + " in "
                + store.location()
                + ", newer than version "
                + export.state().version()
                + " in "
                + file
                + "; add --force to replace it");
      }
      long version = store.importState(export.state(), export.checkpoints());
      spec.commandLine()
          .getOut()
          .println(
              "Imported '"
                  + name
                  + "' ("
                  + export.state().resources().size()
                  + " resources, "
                  + export.checkpoints().size()
                  + " checkpoints) as version "
                  + version
                  + " in "
                  + store.location()
                  + ".");
      return ExitCodes.OK;
    }
  }

  private static StateExport read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("no file " + file);
    }
    try {
      return StateExport.fromJson(Json.parse(Files.readString(file)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(file + " is not a state export: " + e.getMessage());
    }
  }
}
