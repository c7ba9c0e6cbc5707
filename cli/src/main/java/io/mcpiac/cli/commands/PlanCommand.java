package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.Providers;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.Workspace;
import io.mcpiac.cli.output.RefreshRenderer;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanFile;
import io.mcpiac.engine.plans.PlanJson;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.plans.PlanRequest;
import io.mcpiac.engine.refresh.RefreshPlan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcp-iac plan -f FILE}. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show what apply would change, against what really exists. Changes nothing.")
public final class PlanCommand implements Callable<Integer> {
  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description = "A deployment file, a directory (one deployment and its templates), or -.")
  Path file;

  @Option(names = "--out", paramLabel = "PLANFILE", description = "Save the plan for apply.")
  Path out;

  @Option(
      names = "--detailed-exitcode",
      description =
          "Terraform's exit codes: 0 no changes, 1 error (bad input included), 2 changes.")
  boolean detailedExitCode; // read by Main, which maps every command's exit code in one place

  @Mixin PlanningOptions planning;

  @Option(
      names = "--destroy",
      description =
          "Show what destroy would delete (Terraform's plan -destroy); the file names the"
              + " deployment and its provider settings. Changes nothing.")
  boolean destroy;

  @Option(
      names = "--refresh-only",
      description =
          "Show only what a refresh would record in state (drift, objects gone); writes nothing.")
  boolean refreshOnly;

  @Option(
      names = "--force",
      description =
          "Plan even when most recorded objects of a provider instance are gone (it may point at"
              + " a different system).")
  boolean force;

  @Mixin VariableOptions variables;
  @Mixin PolicyOptions policyOptions;
  @Mixin StateOptions state;
  @Mixin io.mcpiac.cli.ServersOptions servers;
  @Mixin OutputOptions output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LoadedDeployment loaded = DeploymentFiles.read(file, variables.inputs());
    Deployment written = DeploymentFiles.deployment(loaded);
    var policies = PolicyCheck.load(file, policyOptions);
    PlanRequest request = planning.request(loaded, force);
    if (destroy) {
      refuseWithDestroy(request);
    }
    if (out != null && !request.moves().isEmpty()) {
      refuseSavingPendingMoves(state, written, request);
    }
    try (Workspace ws = Workspace.forDeployment(state.readOnly(), servers, written)) {
      DeploymentFiles.validate(loaded, ws.registry());
      Deployment deployment =
          PolicyCheck.withExceptions(written, policies, ws.engine().state(written.name()));
      var stdout = spec.commandLine().getOut();
      if (refreshOnly) {
        RefreshPlan refresh = ws.engine().planRefresh(deployment.name(), force);
        if (output.json()) {
          stdout.println(Json.pretty(RefreshRenderer.json(refresh, false, refresh.stateVersion())));
        } else {
          stdout.print(RefreshRenderer.text(refresh));
        }
        return refresh.hasChanges() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
      }
      Plan plan =
          destroy
              ? ws.engine().planDestroy(deployment.name(), force)
              : PolicyCheck.engine(ws.engine(), policies).plan(deployment, request);
      java.util.List<String> overrides = Providers.overriddenEnvironment(deployment.providers());
      if (output.json()) {
        var json = PlanJson.of(plan);
        json.set("settingsOverrides", Json.MAPPER.valueToTree(overrides));
        if (!policies.set().isEmpty()) {
          json.set("policy", PolicyCheck.json(policies));
        }
        stdout.println(Json.pretty(json));
      } else {
        overrides.forEach(o -> stdout.println("Note: " + o));
        stdout.print(new PlanRenderer(output.colour()).render(plan));
      }
      if (out != null) {
        PlanFile.write(plan, ws.registry(), out);
        if (!output.json()) {
          stdout.println("Saved the plan to " + out + "; apply it with: mcp-iac apply " + out);
        }
      }
      return plan.hasChanges() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
    }
  }

  /**
   * What a destroy plan does not take: a saved destroy is applied with {@code destroy NAME}, which
   * plans again under its lock, and a destroy covers the whole deployment.
   */
  private void refuseWithDestroy(PlanRequest request) {
    String other =
        out != null
            ? "--out (apply a destroy with: mcp-iac destroy NAME)"
            : refreshOnly
                ? "--refresh-only"
                : !request.targets().isEmpty() || !request.replace().isEmpty()
                    ? "--target and --replace (a destroy covers the whole deployment)"
                    : null;
    if (other != null) {
      throw new io.mcpiac.cli.UsageException("--destroy does not combine with " + other);
    }
  }

  /**
   * A saved plan holds actions, not renames: with renames still to record it would apply against
   * the old names. Terraform records moves as part of apply; so do we (apply -f), or state mv.
   */
  private static void refuseSavingPendingMoves(
      StateOptions state, Deployment deployment, PlanRequest request) {
    if (state.missingFile().isPresent()) {
      return;
    }
    try (var store = state.open()) {
      var recorded = store.load(deployment.name());
      for (var m : request.moves()) {
        if (recorded.isPresent() && recorded.get().resources().containsKey(m.from())) {
          throw new io.mcpiac.cli.UsageException(
              "the file moves '"
                  + m.from()
                  + "' to '"
                  + m.to()
                  + "', which state has not recorded yet; a saved plan cannot carry renames:"
                  + " run apply -f, or mcp-iac state mv "
                  + deployment.name()
                  + " "
                  + m.from()
                  + " "
                  + m.to()
                  + ", then plan --out");
        }
      }
    }
  }
}
