package io.mcpiac.mcp.jobs;

import io.mcpiac.engine.execution.ActionResult;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ProgressEvent;
import io.mcpiac.engine.execution.UndoResult;
import java.util.Locale;

/** Progress events and results as the seed's one-line texts: {@code ✓ create allow-ssh}. */
public final class EventLines {
  private EventLines() {}

  public static String line(ProgressEvent e) {
    return switch (e.kind()) {
      case START -> "Applying " + e.total() + (e.total() == 1 ? " change" : " changes");
      case STAGE_START -> "Stage " + (e.stage() + 1) + " started";
      case STAGE_COMPLETE -> "Stage " + (e.stage() + 1) + " complete";
      case ACTION_UPDATE -> action(e);
      case ROLLBACK_START -> "Rolling back completed changes";
      case ROLLBACK_ACTION ->
          ("complete".equals(e.status()) ? "↶ undid " : "✗ could not undo ")
              + e.resource()
              + (e.message() != null && !"complete".equals(e.status()) ? ": " + e.message() : "");
      case ROLLBACK_COMPLETE -> "Rollback complete";
      case COMPLETE ->
          "Finished: "
              + e.completed()
              + " of "
              + e.total()
              + " actions in "
              + e.durationMs()
              + " ms";
    };
  }

  private static String action(ProgressEvent e) {
    String what = (e.action() == null ? "" : e.action().label() + " ") + e.resource();
    String status = e.status() == null ? "" : e.status().toLowerCase(Locale.ROOT);
    return switch (status) {
      case "running" -> "… " + what;
      case "complete" -> "✓ " + what;
      case "failed" -> "✗ " + what + (e.message() != null ? ": " + e.message() : "");
      case "skipped" -> "- " + what + " (skipped)";
      default -> status + " " + what;
    };
  }

  /** The result as the seed's lines, one per action, then the summary and the rollback. */
  public static String result(ExecutionResult r) {
    StringBuilder out = new StringBuilder();
    for (ActionResult a : r.results()) {
      String what = a.action().label() + " " + a.resource();
      switch (a.status()) {
        case COMPLETE -> out.append("✓ ").append(what);
        case FAILED -> out.append("✗ ").append(what).append(": ").append(a.error());
        case SKIPPED -> out.append("- ").append(what).append(" (skipped: a dependency failed)");
        case NOT_STARTED -> out.append("- ").append(what).append(" (not started)");
      }
      out.append('\n');
    }
    out.append("Deployment '")
        .append(r.deployment())
        .append(r.success() ? "' succeeded" : r.cancelled() ? "' was cancelled" : "' failed")
        .append(" in ")
        .append(r.durationMs())
        .append(" ms (state version ")
        .append(r.version())
        .append(").");
    if (r.rolledBack()) {
      long ok = r.rollback().stream().filter(UndoResult::success).count();
      out.append(" Rolled back ").append(ok).append(" of ").append(r.rollback().size()).append('.');
      for (UndoResult u : r.rollback()) {
        if (!u.success()) {
          out.append("\n✗ could not undo ").append(u.resource()).append(": ").append(u.error());
        }
      }
    }
    return out.toString();
  }
}
