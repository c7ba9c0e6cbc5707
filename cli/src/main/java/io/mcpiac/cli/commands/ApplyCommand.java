package io.mcpiac.cli.commands;

import io.mcpiac.cli.ExitCodes;
import io.mcpiac.cli.OutputOptions;
import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.cli.Workspace;
import io.mcpiac.cli.output.PlanProgress;
import io.mcpiac.cli.output.ProgressPrinter;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanFile;
import io.mcpiac.engine.plans.PlanJson;
import io.mcpiac.engine.plans.PlanSecrets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mcp-iac apply -f FILE | PLANFILE}. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Apply a deployment file, or a plan saved with plan --out.",
      "Actions run in dependency order and in parallel; on failure everything is rolled back."
    })
public final class ApplyCommand implements Callable<Integer> {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "A deployment file, a directory (one deployment and its templates), or -.")
  Path file;

  @Parameters(arity = "0..1", paramLabel = "PLANFILE", description = "A plan saved by plan --out.")
  Path planFile;

  @Mixin ApplyOptions apply;
  @Mixin PlanningOptions planning;
  @Mixin VariableOptions variables;
  @Mixin PolicyOptions policyOptions;
  @Mixin StateOptions state;
  @Mixin io.mcpiac.cli.ServersOptions servers;
  @Mixin OutputOptions output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path source = planFile != null ? planFile : file;
    if (source == null) {
      throw new UsageException("name a deployment file with -f FILE, or a saved PLANFILE");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!source.toString().equals("-") && PlanFile.isPlanFile(source)) {
      if (!planning.targets.isEmpty() || !planning.replace.isEmpty()) {
        throw new UsageException(
            "--target and --replace belong to plan when applying a saved plan: it already holds"
                + " exactly what will be done");
      }
      Plan saved = PlanFile.read(source);
      // the plan was reviewed when it was made; values unknown then are checked before their action
      var policies =
          PolicyCheck.load(
              file != null ? file : Path.of(saved.deployment().location().file()), policyOptions);
      try (Workspace ws = Workspace.forDeployment(state, servers, saved.deployment())) {
        Plan restored =
            PlanSecrets.needed(saved)
                ? PlanSecrets.restore(saved, secretsSource(saved), ws.registry())
                : saved;
        // sensitive variables are not in the plan file either: given again, checked by digest
        Plan plan =
            restored.withDeployment(
                io.mcpiac.engine.config.SensitiveVariables.refill(
                    restored.deployment(), variables.inputs()));
        if (!Approval.of(apply.yes, output.json(), output.colour(), out).test(plan)) {
          return ExitCodes.OK;
        }
        ExecutionResult result =
            PolicyCheck.engine(ws.engine(), policies)
                .apply(plan, apply.toOptions(), progress(plan, out), cancelOnInterrupt());
        return AppliedReport.result(plan.deploymentName(), result, ws, out, output.json(), true);
      }
    }
    LoadedDeployment loaded = DeploymentFiles.read(source, variables.inputs());
    Deployment written = DeploymentFiles.deployment(loaded);
    var policies = PolicyCheck.load(source, policyOptions);
    DeploymentFiles.requireValidBeforeCreating(state, loaded);
    try (Workspace ws = Workspace.forDeployment(state, servers, written)) {
      DeploymentFiles.validate(loaded, ws.registry());
      Deployment deployment =
          PolicyCheck.withExceptions(written, policies, ws.engine().state(written.name()));
      if (!output.json()) {
        io.mcpiac.cli.Providers.overriddenEnvironment(deployment.providers())
            .forEach(o -> out.println("Note: " + o));
      }
      PlanProgress progress = new PlanProgress(out, output.json(), output.colour());
      Engine.Applied applied =
          PolicyCheck.engine(ws.engine(), policies)
              .planAndApply(
                  deployment,
                  planning.request(loaded),
                  apply.toOptions(),
                  progress.remembering(Approval.of(apply.yes, output.json(), output.colour(), out)),
                  progress,
                  cancelOnInterrupt());
      if (!applied.applied()) {
        if (output.json()) {
          out.println(Json.pretty(PlanJson.of(applied.plan())));
        } else if (!applied.plan().hasChanges()) {
          out.print(
              new io.mcpiac.engine.plans.PlanRenderer(output.colour()).render(applied.plan()));
        }
        return ExitCodes.OK;
      }
      return AppliedReport.result(
          applied.plan().deploymentName(), applied.result(), ws, out, output.json(), true);
    }
  }

  /**
   * Where a saved plan's secrets are read again: {@code -f FILE}, else the file it was made from;
   * null when neither can be read (the plan is then refused, naming the secret).
   */
  private Deployment secretsSource(Plan plan) {
    Path from = file != null ? file : Path.of(plan.deployment().location().file());
    try {
      return DeploymentFiles.deployment(DeploymentFiles.read(from, variables.inputs()));
    } catch (Exception unreadable) {
      return null;
    }
  }

  private ProgressListener progress(Plan plan, PrintWriter out) {
    return ProgressPrinter.forMode(plan, out, output.json(), output.colour());
  }

  /** Ctrl-C stops starting actions and rolls back, instead of leaving a half-applied system. */
  static Cancellation cancelOnInterrupt() {
    Cancellation cancel = new Cancellation();
    try {
      sun.misc.Signal.handle(
          new sun.misc.Signal("INT"),
          sig -> {
            System.err.println("\nInterrupted: starting nothing new, then rolling back.");
            cancel.cancel();
          });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // no signal handling here (embedded): the default behaviour stays
    }
    return cancel;
  }
}
