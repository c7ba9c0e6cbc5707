package io.mcpiac.engine.plans;

import io.mcpiac.engine.resources.Values;
import java.util.List;

/**
 * Renders a plan for people: {@code +} create, {@code ~} update with old → new per property, {@code
 * -/+} replace naming the property that forces it, {@code -} delete, drift, the seed's stages and a
 * summary line. Secrets show as {@code (sensitive)}, unknown values as {@code (known after apply)}.
 * ANSI colour only when asked (on a terminal).
 */
public final class PlanRenderer {
  private static final String RESET = "\u001b[0m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RED = "\u001b[31m";
  private static final String MAGENTA = "\u001b[35m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";

  private final boolean colour;

  public PlanRenderer(boolean colour) {
    this.colour = colour;
  }

  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    List<PlannedAction> drifted =
        plan.actions().stream().filter(a -> !a.drift().isEmpty()).toList();
    if (!drifted.isEmpty() || !plan.activations().isEmpty()) {
      out.append(paint(BOLD, "Drift: changed outside mcp-iac since the last apply")).append('\n');
      for (PendingActivation p : plan.activations()) {
        out.append(paint(YELLOW, "  ! "))
            .append(p.provider())
            .append(' ')
            .append(p.scope())
            .append(": changes written but not active (action: activate)\n");
      }
      for (PlannedAction a : drifted) {
        for (PropertyChange d : a.drift()) {
          out.append(paint(YELLOW, "  ! "))
              .append(a.type())
              .append(' ')
              .append(a.name())
              .append(": ");
          if ("(resource)".equals(d.path())) {
            out.append("deleted outside mcp-iac");
          } else if (Values.isSensitive(d.before()) && Values.isSensitive(d.after())) {
            // "recorded (sensitive), now (sensitive)" reads as no change at all
            out.append(d.path()).append(" changed (sensitive: neither value is shown)");
          } else {
            out.append(d.path())
                .append(" recorded ")
                .append(Values.display(d.before()))
                .append(", now ")
                .append(Values.display(d.after()))
                .append(ListDelta.describe(d.before(), d.after()));
          }
          out.append('\n');
        }
      }
      out.append('\n');
    }
    List<PlanWarning> providerWarnings =
        plan.warnings().stream().filter(w -> w.kind() == PlanWarning.Kind.PROVIDER).toList();
    if (!providerWarnings.isEmpty()) {
      out.append(paint(BOLD, "Warnings: accepted by the system, but likely to break a service"))
          .append('\n');
      for (PlanWarning w : providerWarnings) {
        out.append(paint(YELLOW, "  ! ")).append(w.text()).append('\n');
      }
      out.append('\n');
    }
    List<PlanWarning> policyWarnings =
        plan.warnings().stream().filter(w -> w.kind() == PlanWarning.Kind.POLICY).toList();
    if (!policyWarnings.isEmpty()) {
      out.append(paint(BOLD, "Policies: advisory findings, exceptions, checks left for apply"))
          .append('\n');
      for (PlanWarning w : policyWarnings) {
        out.append(paint(YELLOW, "  ! ")).append(w.text()).append('\n');
      }
      out.append('\n');
    }
    for (PlanWarning w : plan.warnings()) {
      // drift has its own section above, provider warnings theirs; risks are also repeated last
      if (w.kind() == PlanWarning.Kind.NOTE || w.kind() == PlanWarning.Kind.RISK) {
        out.append(paint(YELLOW, "Note: " + w.text())).append('\n');
      }
    }
    if (!plan.hasChanges()) {
      out.append("No changes. The deployment '")
          .append(plan.deploymentName())
          .append("' matches the configuration (")
          .append(plan.actions().size())
          .append(plan.actions().size() == 1 ? " resource" : " resources")
          .append(").\n");
      return out.toString();
    }
    out.append(paint(BOLD, "Deployment '" + plan.deploymentName() + "'"))
        .append(paint(DIM, "  plan " + plan.id() + ", from state version " + plan.stateVersion()))
        .append('\n');
    for (PendingActivation p : plan.activations()) {
      out.append(paint(YELLOW, "  ↻ activate "))
          .append(p.provider())
          .append(' ')
          .append(p.scope())
          .append('\n');
    }
    // an instance's resources together, under it, where its first resource comes in the plan
    java.util.Map<String, java.util.List<PlannedAction>> groups = new java.util.LinkedHashMap<>();
    for (PlannedAction a : plan.actions()) {
      if (a.changesSomething()) {
        String instance = instanceOf(a.name());
        String key = instance == null ? "resource " + a.name() : "instance " + instance;
        groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(a);
      }
    }
    groups.forEach(
        (key, actions) -> {
          if (key.startsWith("instance ")) {
            out.append(paint(BOLD, "  ▸ " + key.substring("instance ".length())))
                .append(paint(DIM, "  (template instance)"))
                .append('\n');
          }
          actions.forEach(a -> renderAction(out, a));
        });
    out.append('\n');
    out.append(paint(DIM, "Stages (an action starts as soon as its own dependencies are done):"))
        .append('\n');
    for (int i = 0; i < plan.stages().size(); i++) {
      out.append(paint(DIM, "  " + (i + 1) + ": " + abbreviate(plan.stages().get(i)))).append('\n');
    }
    out.append(paint(BOLD, plan.summary())).append('\n');
    for (PlanWarning w : plan.warnings()) {
      if (w.kind() == PlanWarning.Kind.RISK) {
        out.append(paint(RED, "Warning: " + w.text())).append('\n');
      }
    }
    return out.toString();
  }

  private void renderAction(StringBuilder out, PlannedAction a) {
    String colourOf =
        switch (a.action()) {
          case CREATE -> GREEN;
          case UPDATE -> YELLOW;
          case REPLACE -> MAGENTA;
          case DELETE -> RED;
          case NO_OP -> "";
        };
    out.append(paint(colourOf, String.format("%3s ", a.action().symbol())))
        .append(a.type())
        .append(' ')
        .append(paint(BOLD, a.name()));
    if (a.action() == ActionType.DELETE && "destroy".equals(a.reason())) {
      // a destroy deletes everything: saying so on every line is noise
    } else if (a.action() == ActionType.REPLACE || a.action() == ActionType.DELETE) {
      out.append(paint(DIM, "  (" + a.reason() + ")"));
    } else if (a.action() == ActionType.CREATE && !"not in state".equals(a.reason())) {
      out.append(paint(DIM, "  (" + a.reason() + ")"));
    }
    out.append('\n');
    for (String dep : a.dependencies()) {
      if (dep.startsWith("deployment:")) {
        out.append(paint(DIM, "      ← reads the outputs of " + dep)).append('\n');
      }
    }
    for (PropertyChange c : a.changes()) {
      out.append("      ");
      switch (a.action()) {
        case CREATE ->
            out.append(paint(GREEN, "+ "))
                .append(c.path())
                .append(" = ")
                .append(Values.display(c.after()));
        case DELETE ->
            out.append(paint(RED, "- "))
                .append(c.path())
                .append(" = ")
                .append(Values.display(c.before()));
        default -> {
          if (c.before() == null) {
            out.append(paint(GREEN, "+ "))
                .append(c.path())
                .append(" = ")
                .append(Values.display(c.after()));
          } else if (c.after() == null) {
            out.append(paint(RED, "- "))
                .append(c.path())
                .append(" = ")
                .append(Values.display(c.before()));
          } else {
            out.append(paint(YELLOW, "~ "))
                .append(c.path())
                .append(": ")
                .append(Values.display(c.before()))
                .append(" → ")
                .append(Values.display(c.after()))
                .append(ListDelta.describe(c.before(), c.after()));
          }
          if (c.forcesReplacement()) {
            out.append(paint(MAGENTA, "  (forces replacement)"));
          }
        }
      }
      out.append('\n');
    }
  }

  /**
   * The template instance a resource belongs to: its name up to the last '.' outside brackets
   * ({@code web} for {@code web.backend}); null for a resource of the deployment itself.
   */
  static String instanceOf(String name) {
    int depth = 0;
    int last = -1;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '.' && depth == 0) {
        last = i;
      }
    }
    return last < 0 ? null : name.substring(0, last);
  }

  private static String abbreviate(List<String> names) {
    if (names.size() <= 8) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 8)) + " … (" + names.size() + " in all)";
  }

  private String paint(String code, String text) {
    return colour && !code.isEmpty() ? code + text + RESET : text;
  }
}
