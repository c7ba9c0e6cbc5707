package io.mcpiac.cli.commands;

import io.mcpiac.cli.Terminal;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import java.io.PrintWriter;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Shows the plan and asks before changing anything: on a terminal unless {@code --yes}; without a
 * terminal {@code --yes} is required.
 */
final class Approval {
  private Approval() {}

  static Predicate<Plan> of(boolean yes, boolean json, boolean colour, PrintWriter out) {
    return of(yes, json, colour, out, plan -> "Apply these changes?");
  }

  /** A destroy asks what it is about to do. */
  static Predicate<Plan> forDestroy(boolean yes, boolean json, boolean colour, PrintWriter out) {
    return of(
        yes,
        json,
        colour,
        out,
        plan -> {
          long n = plan.actions().stream().filter(a -> a.action() == ActionType.DELETE).count();
          return "Destroy " + (n == 1 ? "this resource?" : "these " + n + " resources?");
        });
  }

  static Predicate<Plan> of(
      boolean yes, boolean json, boolean colour, PrintWriter out, Function<Plan, String> question) {
    return plan -> {
      if (!json) {
        out.print(new PlanRenderer(colour).render(plan));
      }
      // the whole plan must be on screen before the question (the console writes elsewhere)
      out.flush();
      if (yes) {
        return true;
      }
      if (!Terminal.isInteractive()) {
        throw new UsageException("no terminal to confirm on: pass --yes to apply without asking");
      }
      boolean ok = Terminal.confirm(question.apply(plan));
      if (!ok) {
        out.println("Nothing changed.");
      }
      return ok;
    };
  }
}
