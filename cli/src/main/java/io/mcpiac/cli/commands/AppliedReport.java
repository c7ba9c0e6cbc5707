package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.output.ResultPrinter;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.ResultJson;
import io.mcpiac.engine.json.Json;
import java.io.PrintWriter;

/** The end of an apply-like command: the result, or why nothing was applied; the exit code. */
final class AppliedReport {
  private AppliedReport() {}

  /**
   * @param nothingToDo what to say when the plan had no changes
   */
  static int print(Engine.Applied applied, PrintWriter out, boolean json, String nothingToDo) {
    if (!applied.applied()) {
      if (!applied.plan().hasChanges()) {
        out.println(nothingToDo);
      }
      return ExitCodes.OK;
    }
    if (json) {
      out.println(Json.write(ResultJson.of(applied.result())));
    } else {
      ResultPrinter.print(applied.result(), out);
    }
    return applied.result().success() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
