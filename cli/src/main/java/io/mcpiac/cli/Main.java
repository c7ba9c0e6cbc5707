package io.mcpiac.cli;

import io.mcpiac.cli.commands.ApplyCommand;
import io.mcpiac.cli.commands.BenchCommand;
import io.mcpiac.cli.commands.CdsTrainingCommand;
import io.mcpiac.cli.commands.CheckpointCommand;
import io.mcpiac.cli.commands.CompletionCommand;
import io.mcpiac.cli.commands.ComplianceCommand;
import io.mcpiac.cli.commands.DemoCommand;
import io.mcpiac.cli.commands.DestroyCommand;
import io.mcpiac.cli.commands.FmtCommand;
import io.mcpiac.cli.commands.GraphCommand;
import io.mcpiac.cli.commands.ImportCommand;
import io.mcpiac.cli.commands.InstallCommand;
import io.mcpiac.cli.commands.OpnsenseEmulatorCommand;
import io.mcpiac.cli.commands.OutputCommand;
import io.mcpiac.cli.commands.PlanCommand;
import io.mcpiac.cli.commands.PolicyCommand;
import io.mcpiac.cli.commands.RefreshCommand;
import io.mcpiac.cli.commands.SchemaCommand;
import io.mcpiac.cli.commands.ServeCommand;
import io.mcpiac.cli.commands.ShowCommand;
import io.mcpiac.cli.commands.StateCommand;
import io.mcpiac.cli.commands.TemplatesCommand;
import io.mcpiac.cli.commands.TypesCommand;
import io.mcpiac.cli.commands.UiCommand;
import io.mcpiac.cli.commands.ValidateCommand;
import io.mcpiac.cli.commands.VersionCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
    })
public final class Main implements Runnable {
  /**
   * The subcommands, in help order. Not in {@code @Command(subcommands)}: picocli would build the
   * model of every command (reflection over hundreds of options) at every start, which was most of
   * a short command's start-up; {@link #run} builds only the command the user named.
   */
  static final List<Class<?>> COMMANDS =
      List.of(
          ValidateCommand.class,
          PlanCommand.class,
          ApplyCommand.class,
          DestroyCommand.class,
          RefreshCommand.class,
          StateCommand.class,
          OutputCommand.class,
          TemplatesCommand.class,
          PolicyCommand.class,
          ComplianceCommand.class,
          CheckpointCommand.class,
          BenchCommand.class,
          ServeCommand.class,
          UiCommand.class,
          ImportCommand.class,
          DemoCommand.class,
          OpnsenseEmulatorCommand.class,
          TypesCommand.class,
          SchemaCommand.class,
          GraphCommand.class,
          FmtCommand.class,
          ShowCommand.class,
          CompletionCommand.class,
          InstallCommand.class,
          CdsTrainingCommand.class,
          VersionCommand.class,
          CommandLine.HelpCommand.class);

  /** Commands that describe the whole tree (help, completion scripts): they get all of it. */
  private static final Set<Class<?>> NEED_WHOLE_TREE =
      Set.of(CommandLine.HelpCommand.class, CompletionCommand.class, InstallCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** The whole command tree with every handler. */
  public static CommandLine commandLine() {
    return commandLine(COMMANDS);
  }

  /**
   * The tree {@link #run} needs for {@code args}: the root with only the named subcommand when the
   * first argument names one (parsing, help and errors of that command are the same as in the whole
   * tree), the whole tree otherwise (root help, unknown commands and their suggestions). {@code
   * --version} alone needs none ({@link #run} answers it).
   */
  static CommandLine commandLineFor(String... args) {
    if (args.length > 0) {
      for (Class<?> command : COMMANDS) {
        Command annotation = command.getAnnotation(Command.class);
        if (!NEED_WHOLE_TREE.contains(command)
            && (annotation.name().equals(args[0])
                || Arrays.asList(annotation.aliases()).contains(args[0]))) {
          return commandLine(List.of(command));
        }
      }
    }
    return commandLine();
  }

  private static CommandLine commandLine(List<Class<?>> commands) {
    CommandLine cli = new CommandLine(new Main());
    for (Class<?> command : commands) {
      cli.addSubcommand(command);
    }
    // handlers after the subcommands: picocli hands them down only to those already added
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(Failures::badCommandLine);
    return cli;
  }

  /** Runs a command line and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // no command-line model for the version: building picocli's first one (and the JDK's first
      // reading of annotations) is most of what this command would cost
      for (String line : new Version().getVersion()) {
        System.out.println(line);
      }
      System.out.flush();
      return ExitCodes.OK;
    }
    CommandLine cli = commandLineFor(args);
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
    return Arrays.asList(args).contains(ExitCodes.DETAILED_OPTION);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
