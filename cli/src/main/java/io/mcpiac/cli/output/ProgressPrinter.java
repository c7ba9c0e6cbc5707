package io.mcpiac.cli.output;

import io.mcpiac.engine.execution.ProgressEvent;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.execution.ResultJson;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import java.io.PrintWriter;

/**
 * Shows an apply as it happens: live bars per stage and overall on a terminal, one plain line per
 * event otherwise, JSON lines with {@code --json}.
 */
public final class ProgressPrinter {
  private ProgressPrinter() {}

  public static ProgressListener forMode(Plan plan, PrintWriter out, boolean json, boolean tty) {
    if (json) {
      return event -> out.println(Json.write(ResultJson.of(event)));
    }
    if (tty) {
      return new TerminalProgress(plan, out);
    }
    return event -> {
      String line = plainLine(event);
      if (line != null) {
        out.println(line);
      }
    };
  }

  /** The seed's result lines: {@code ✓ create allow-ssh (3 ms)}. */
  static String plainLine(ProgressEvent e) {
    return switch (e.kind()) {
      case START -> "Applying: " + e.total() + (e.total() == 1 ? " action" : " actions");
      case STAGE_START -> "-- stage " + (e.stage() + 1) + " started";
      case STAGE_COMPLETE -> "-- stage " + (e.stage() + 1) + " complete";
      case ACTION_UPDATE ->
          switch (e.status()) {
            case "running" -> null;
            case "complete" ->
                "✓ " + e.action().label() + " " + e.resource() + " (" + e.durationMs() + " ms)";
            case "skipped" -> "- skipped " + e.resource() + ": " + e.message();
            default -> "✗ " + e.action().label() + " " + e.resource() + ": " + e.message();
          };
      case ROLLBACK_START -> "Rolling back: " + e.message();
      case ROLLBACK_ACTION ->
          ("complete".equals(e.status()) ? "↺ undone " : "✗ could not undo ")
              + e.resource()
              + " ("
              + e.message()
              + ")";
      case ROLLBACK_COMPLETE -> "Rollback: " + e.message();
      case COMPLETE -> null;
    };
  }
}
