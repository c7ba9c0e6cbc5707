package io.mcpiac.cli;

import io.mcpiac.cli.commands.ApplyCommand;
import io.mcpiac.cli.commands.BenchCommand;
import io.mcpiac.cli.commands.CheckpointCommand;
import io.mcpiac.cli.commands.DemoCommand;
import io.mcpiac.cli.commands.DestroyCommand;
import io.mcpiac.cli.commands.ImportCommand;
import io.mcpiac.cli.commands.OpnsenseEmulatorCommand;
import io.mcpiac.cli.commands.OutputCommand;
import io.mcpiac.cli.commands.PlanCommand;
import io.mcpiac.cli.commands.RefreshCommand;
import io.mcpiac.cli.commands.ServeCommand;
import io.mcpiac.cli.commands.StateCommand;
import io.mcpiac.cli.commands.TemplatesCommand;
import io.mcpiac.cli.commands.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the mcp-iac command line. */
@Command(
    name = "mcp-iac",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "AI-native Infrastructure as Code: plan, apply, roll back and checkpoint deployments whose"
          + " providers are MCP servers.",
      "",
      "Exit codes: 0 success, 1 failure, 2 invalid input, 3 plan has changes"
          + " (with --detailed-exitcode)."
    },
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      DestroyCommand.class,
      RefreshCommand.class,
      StateCommand.class,
      OutputCommand.class,
      TemplatesCommand.class,
      CheckpointCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      ImportCommand.class,
      DemoCommand.class,
      OpnsenseEmulatorCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println("error: " + ex.getMessage());
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.INVALID_INPUT;
        });
    try {
      return cli.execute(args);
    } finally {
      cli.getOut().flush();
      cli.getErr().flush();
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
