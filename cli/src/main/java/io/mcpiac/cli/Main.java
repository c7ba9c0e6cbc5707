package io.mcpiac.cli;

import io.mcpiac.cli.commands.ApplyCommand;
import io.mcpiac.cli.commands.BenchCommand;
import io.mcpiac.cli.commands.CheckpointCommand;
import io.mcpiac.cli.commands.DemoCommand;
import io.mcpiac.cli.commands.DestroyCommand;
import io.mcpiac.cli.commands.ImportCommand;
import io.mcpiac.cli.commands.OpnsenseEmulatorCommand;
import io.mcpiac.cli.commands.PlanCommand;
import io.mcpiac.cli.commands.RefreshCommand;
import io.mcpiac.cli.commands.ServeCommand;
import io.mcpiac.cli.commands.StateCommand;
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
      "Exit codes: 0 success, 1 failure, 2 invalid input. With --detailed-exitcode (plan),"
          + " Terraform's: 0 no changes, 1 any error (invalid input too), 2 changes.",
      "With --json, failures are JSON diagnostics on stdout (format_version, diagnostics[])."
    },
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      DestroyCommand.class,
      RefreshCommand.class,
      StateCommand.class,
      CheckpointCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      ImportCommand.class,
      DemoCommand.class,
      OpnsenseEmulatorCommand.class,
      io.mcpiac.cli.commands.TypesCommand.class,
      io.mcpiac.cli.commands.SchemaCommand.class,
      io.mcpiac.cli.commands.GraphCommand.class,
      io.mcpiac.cli.commands.FmtCommand.class,
      io.mcpiac.cli.commands.CompletionCommand.class,
      io.mcpiac.cli.commands.InstallCommand.class,
      io.mcpiac.cli.commands.CdsTrainingCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** The command tree with every handler, as {@link #run} uses it. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(Failures::badCommandLine);
    return cli;
  }

  /** Runs a command line and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    CommandLine cli = commandLine();
    try {
      int outcome = cli.execute(args);
      return ExitCodes.forUser(outcome, detailedExitCode(cli, args));
    } finally {
      cli.getOut().flush();
      cli.getErr().flush();
    }
  }

  /** Whether the command that ran was given {@code --detailed-exitcode}. */
  private static boolean detailedExitCode(CommandLine cli, String[] args) {
    CommandLine.ParseResult pr = cli.getParseResult();
    while (pr != null && pr.hasSubcommand()) {
      pr = pr.subcommand();
    }
    if (pr != null && pr.hasMatchedOption(ExitCodes.DETAILED_OPTION)) {
      return true;
    }
    // a command line that did not parse has no parse result to ask
    return java.util.Arrays.asList(args).contains(ExitCodes.DETAILED_OPTION);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
