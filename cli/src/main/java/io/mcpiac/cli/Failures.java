package io.mcpiac.cli;

import io.mcpiac.cli.output.DiagnosticsJson;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.execution.RiskRefusedException;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.PlanStaleException;
import io.mcpiac.engine.states.LockedException;
import java.util.NoSuchElementException;
import picocli.CommandLine;

/**
 * Turns exceptions into a clear message and an exit code: on stderr, or under {@code --json} as
 * JSON diagnostics on stdout. A stack trace only with {@code MCP_IAC_DEBUG=1}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    boolean json = wantsJson(cmd);
    if (ex instanceof ConfigException ce) {
      if (json) {
        cmd.getOut().println(Json.pretty(DiagnosticsJson.of(ce.diagnostics())));
      } else {
        cmd.getErr().println(ce.getMessage());
      }
      return ExitCodes.INVALID_INPUT;
    }
    String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
    int code;
    String kind;
    if (ex instanceof UsageException || ex instanceof NoSuchElementException) {
      code = ExitCodes.INVALID_INPUT;
      kind = "invalid-input";
    } else if (ex instanceof LockedException) {
      code = ExitCodes.FAILED;
      kind = "locked";
    } else if (ex instanceof PlanStaleException) {
      code = ExitCodes.FAILED;
      kind = "plan-stale";
    } else if (ex instanceof RiskRefusedException) {
      code = ExitCodes.FAILED;
      kind = "risk-refused";
    } else {
      code = ExitCodes.FAILED;
      kind = "failed";
    }
    report(cmd, json, kind, message);
    if ("1".equals(System.getenv("MCP_IAC_DEBUG"))) {
      ex.printStackTrace(cmd.getErr());
    }
    return code;
  }

  /** A bad command line: exit 2 (1 with {@code --detailed-exitcode}, mapped by the caller). */
  static int badCommandLine(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    boolean json = java.util.Arrays.asList(args).contains("--json");
    report(cmd, json, "invalid-input", ex.getMessage());
    if (!json) {
      cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    }
    return ExitCodes.INVALID_INPUT;
  }

  private static void report(CommandLine cmd, boolean json, String kind, String message) {
    if (json) {
      cmd.getOut().println(Json.pretty(DiagnosticsJson.error(kind, message)));
    } else {
      cmd.getErr().println("error: " + message);
    }
  }

  /** True when the failing command was asked for {@code --json}. */
  static boolean wantsJson(CommandLine cmd) {
    CommandLine.ParseResult pr = cmd.getParseResult();
    return pr != null && pr.hasMatchedOption("--json");
  }
}
