package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Terminal;
import io.mcpiac.cli.UsageException;
import io.mcpiac.cli.Workspace;
import io.mcpiac.cli.output.RefreshRenderer;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-iac refresh NAME}: a plan first (Terraform's {@code apply -refresh-only}): it shows
 * what it would record in state, asks (or {@code --yes}), then records it as a new version.
 */
@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    description =
        "Read what really exists, show what it would record in state (drift, objects gone), and"
            + " record it after confirmation. Changes nothing on the systems.")
public final class RefreshCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME", description = "The deployment.")
  String name;

  @Mixin DeploymentTarget target;

  @Option(
      names = {"-y", "--yes"},
      description = "Record without asking.")
  boolean yes;

  @Option(
      names = "--force",
      description =
          "Go on even when most recorded objects of a provider instance are gone (it may point at"
              + " a different system).")
  boolean force;

  @Mixin StateOptions state;
  @Mixin OutputOptions output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (Workspace ws = target.open(state, name)) {
      Engine.Refreshed done =
          ws.engine()
              .refresh(
                  name,
                  force,
                  plan -> {
                    if (!output.json()) {
                      out.print(RefreshRenderer.text(plan));
                    }
                    out.flush();
                    if (yes) {
                      return true;
                    }
                    if (!Terminal.isInteractive()) {
                      throw new UsageException(
                          "no terminal to confirm on: pass --yes to record this in state");
                    }
                    boolean ok = Terminal.confirm("Record these changes in state?");
                    if (!ok) {
                      out.println("Nothing recorded.");
                    }
                    return ok;
                  });
      if (output.json()) {
        out.println(
            Json.pretty(
                RefreshRenderer.json(
                    done.plan(),
                    done.written(),
                    done.written() ? done.version() : done.plan().stateVersion())));
      } else if (!done.plan().hasChanges()) {
        out.print(RefreshRenderer.text(done.plan()));
      } else if (done.written()) {
        out.println(
            "Recorded in state as version "
                + done.version()
                + ". Run plan to see what apply would change back;"
                + " `state rollback "
                + name
                + " --to-version "
                + done.plan().stateVersion()
                + "` undoes this.");
      }
      return ExitCodes.OK;
    }
  }
}
