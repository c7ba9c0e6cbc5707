package io.mcpiac.cli.output;

import io.mcpiac.engine.execution.ActionResult;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.UndoResult;
import java.io.PrintWriter;

/** The end of an apply for people: the seed's summary, failures, and what was rolled back. */
public final class ResultPrinter {
  private ResultPrinter() {}

  public static void print(ExecutionResult r, PrintWriter out) {
    out.println();
    out.println(
        "Deployment "
            + (r.success() ? "succeeded" : r.cancelled() ? "cancelled" : "failed")
            + " in "
            + r.durationMs()
            + " ms (state version "
            + r.version()
            + "): "
            + r.count(ActionResult.Status.COMPLETE)
            + " complete, "
            + r.count(ActionResult.Status.FAILED)
            + " failed, "
            + r.count(ActionResult.Status.SKIPPED)
            + " skipped, "
            + r.count(ActionResult.Status.NOT_STARTED)
            + " not started.");
    boolean errorShown = false;
    for (ActionResult a : r.results()) {
      if (a.status() == ActionResult.Status.FAILED) {
        out.println("  ✗ " + a.action().label() + " " + a.resource() + ": " + a.error());
        errorShown |= String.valueOf(r.error()).equals(a.resource() + ": " + a.error());
      }
    }
    if (!r.success() && !r.cancelled() && r.error() != null && !errorShown) {
      // not one action's failure: the apply as a whole (its state database failed)
      out.println("error: " + r.error());
    }
    if (r.rolledBack()) {
      long ok = r.rollback().stream().filter(UndoResult::success).count();
      out.println(
          "Rolled back "
              + ok
              + " of "
              + r.rollback().size()
              + (r.rollback().size() == 1 ? " change" : " changes")
              + ".");
      for (UndoResult u : r.rollback()) {
        if (!u.success()) {
          out.println("  ✗ could not undo " + u.resource() + ": " + u.error());
        }
      }
    }
  }
}
