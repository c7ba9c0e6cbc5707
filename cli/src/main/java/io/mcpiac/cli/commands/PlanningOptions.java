package io.mcpiac.cli.commands;

import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.plans.PlanRequest;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** Terraform's planning options, shared by {@code plan}, {@code apply} and {@code graph}. */
public final class PlanningOptions {
  @Option(
      names = "--target",
      paramLabel = "ADDR",
      description =
          "Plan only this resource and what it depends on (repeatable); everything else is left"
              + " as it is. For exceptional cases, as in Terraform.")
  List<String> targets = List.of();

  @Option(
      names = "--replace",
      paramLabel = "ADDR",
      description = "Replace this resource even when nothing changed (repeatable).")
  List<String> replace = List.of();

  /** The request for a loaded deployment, with its {@code moved:} list (read with the file). */
  PlanRequest request(LoadedDeployment loaded) {
    return request(loaded, false);
  }

  /** As above; {@code force}: plan even when most recorded objects of an instance are gone. */
  PlanRequest request(LoadedDeployment loaded, boolean force) {
    return new PlanRequest(
        new LinkedHashSet<>(targets),
        new LinkedHashSet<>(replace),
        loaded.declarations().moved().moves(),
        force);
  }
}
