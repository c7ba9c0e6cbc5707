package io.mcpiac.cli;

import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.plans.PlanStaleException;
import io.mcpiac.engine.states.LockedException;
import java.util.NoSuchElementException;
import picocli.CommandLine;

/**
 * Turns exceptions into a clear message on stderr and an exit code; a stack trace only with {@code
 * MCP_IAC_DEBUG=1}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    var err = cmd.getErr();
    if (ex instanceof ConfigException ce) {
      err.println(ce.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof UsageException) {
      err.println("error: " + ex.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof NoSuchElementException) {
      err.println("error: " + ex.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof LockedException
        || ex instanceof PlanStaleException
        || ex instanceof io.mcpiac.engine.execution.RiskRefusedException) {
      err.println("error: " + ex.getMessage());
      return ExitCodes.FAILED;
    }
    err.println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
    if ("1".equals(System.getenv("MCP_IAC_DEBUG"))) {
      ex.printStackTrace(err);
    }
    return ExitCodes.FAILED;
  }
}
