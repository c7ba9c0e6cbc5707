package io.mcpiac.cli.output;

import io.mcpiac.engine.execution.ProgressEvent;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.plans.Plan;
import java.io.PrintWriter;
import java.util.function.Predicate;

/**
 * Progress output for an apply whose plan is made under the lock: the printer is chosen once the
 * plan is known (it draws one bar per stage of that plan).
 */
public final class PlanProgress implements ProgressListener {
  private final PrintWriter out;
  private final boolean json;
  private final boolean tty;
  private volatile Plan plan;
  private ProgressListener delegate;

  public PlanProgress(PrintWriter out, boolean json, boolean tty) {
    this.out = out;
    this.json = json;
    this.tty = tty;
  }

  /** Wraps the approval so the plan it approves is the one progress is drawn for. */
  public Predicate<Plan> remembering(Predicate<Plan> approve) {
    return p -> {
      plan = p;
      return approve.test(p);
    };
  }

  @Override
  public void on(ProgressEvent event) {
    if (delegate == null) {
      delegate = ProgressPrinter.forMode(plan, out, json, tty);
    }
    delegate.on(event);
  }
}
