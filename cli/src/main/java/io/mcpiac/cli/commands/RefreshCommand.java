package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Workspace;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.PropertyChange;
import io.mcpiac.engine.resources.Values;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac refresh NAME}: live read, drift report, recorded outputs updated. */
@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    description =
        "Read what really exists, report drift and record the live values in state."
            + " Changes nothing on the systems.")
public final class RefreshCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME", description = "The deployment.")
  String name;

  @Mixin DeploymentTarget target;

  @Mixin StateOptions state;
  @Mixin OutputOptions output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (Workspace ws = target.open(state, name)) {
      List<PlannedAction> drifted = ws.engine().refresh(name);
      if (output.json()) {
        var json = Json.object();
        json.put("deployment", name);
        json.put("version", ws.store().version(name));
        var list = json.putArray("drift");
        for (PlannedAction a : drifted) {
          for (PropertyChange d : a.drift()) {
            var node = list.addObject();
            node.put("resource", a.name());
            node.put("type", a.type());
            node.put("property", d.path());
            node.set("recorded", Values.masked(d.before()));
            node.set("live", Values.masked(d.after()));
          }
        }
        out.println(Json.pretty(json));
      } else if (drifted.isEmpty()) {
        out.println("No drift: '" + name + "' is as recorded.");
      } else {
        out.println("Drift in '" + name + "' (now recorded in state):");
        for (PlannedAction a : drifted) {
          for (PropertyChange d : a.drift()) {
            out.println(
                "  ! "
                    + a.type()
                    + " "
                    + a.name()
                    + ": "
                    + ("(resource)".equals(d.path())
                        ? "deleted outside mcp-iac"
                        : d.path()
                            + " was "
                            + Values.display(d.before())
                            + ", is "
                            + Values.display(d.after())));
          }
        }
        out.println("Run plan to see what apply would change back.");
      }
      return ExitCodes.OK;
    }
  }
}
