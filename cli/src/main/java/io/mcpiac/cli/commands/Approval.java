package io.mcpiac.cli.commands;

import io.mcpiac.cli.Terminal;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import java.io.PrintWriter;
import java.util.function.Predicate;

/**
 * Shows the plan and asks before changing anything: on a terminal unless {@code --yes}; without a
 * terminal {@code --yes} is required.
 */
final class Approval {
  private Approval() {}

  static Predicate<Plan> of(boolean yes, boolean json, boolean colour, PrintWriter out) {
    return plan -> {
      if (!json) {
        out.print(new PlanRenderer(colour).render(plan));
      }
      if (yes) {
        return true;
      }
      if (!Terminal.isInteractive()) {
        throw new UsageException("no terminal to confirm on: pass --yes to apply without asking");
      }
      boolean ok = Terminal.confirm("Apply these changes?");
      if (!ok) {
        out.println("Nothing changed.");
      }
      return ok;
    };
  }
}
