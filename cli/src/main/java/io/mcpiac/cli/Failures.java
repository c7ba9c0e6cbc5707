package io.mcpiac.cli;

import io.mcpiac.cli.output.DiagnosticsJson;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.json.Json;
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
    if (ex instanceof io.mcpiac.engine.policies.PolicyViolationException pv && json) {
      var out = DiagnosticsJson.error(jsonKind(pv.kind()), pv.getMessage());
      out.set("violations", Json.MAPPER.valueToTree(pv.violations()));
      cmd.getOut().println(Json.pretty(out));
      return exitCode(pv.kind());
    }
    String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
    ErrorKind kind = ErrorKind.of(ex);
    report(cmd, json, jsonKind(kind), message);
    if ("1".equals(System.getenv("MCP_IAC_DEBUG"))) {
      ex.printStackTrace(cmd.getErr());
    }
    return exitCode(kind);
  }

  /**
   * The one place a kind of failure becomes an exit code: 2 for the caller's mistakes, 1 for every
   * failure, ours included (a bug of ours is never reported as bad input).
   */
  static int exitCode(ErrorKind kind) {
    return switch (kind) {
      case INVALID_INPUT, NOT_FOUND -> ExitCodes.INVALID_INPUT;
      case LOCKED,
          STATE_DAMAGED,
          STALE_PLAN,
          PROVIDER_FAILURE,
          RISK_REFUSED,
          POLICY_VIOLATION,
          CANCELLED,
          INTERNAL ->
          ExitCodes.FAILED;
    };
  }

  /**
   * The {@code kind} of {@code --json} diagnostics; these strings are part of the JSON contract.
   */
  static String jsonKind(ErrorKind kind) {
    return switch (kind) {
      case INVALID_INPUT, NOT_FOUND -> "invalid-input";
      case LOCKED -> "locked";
      case STALE_PLAN -> "plan-stale";
      case RISK_REFUSED -> "risk-refused";
      case POLICY_VIOLATION -> "policy-violation";
      case STATE_DAMAGED, PROVIDER_FAILURE, CANCELLED, INTERNAL -> "failed";
    };
  }

  /** A bad command line: exit 2 (1 with {@code --detailed-exitcode}, mapped by the caller). */
  static int badCommandLine(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    boolean json = java.util.Arrays.asList(args).contains("--json");
    report(cmd, json, jsonKind(ErrorKind.INVALID_INPUT), ex.getMessage());
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
