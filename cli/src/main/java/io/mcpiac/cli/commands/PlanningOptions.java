package io.mcpiac.cli.commands;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.MovedList;
import io.mcpiac.engine.plans.PlanRequest;
import java.nio.file.Path;
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

  /** The request for a deployment read from {@code file}, with the file's {@code moved:} list. */
  PlanRequest request(Path file, Deployment deployment) {
    return request(file, deployment, false);
  }

  /** As above; {@code force}: plan even when most recorded objects of an instance are gone. */
  PlanRequest request(Path file, Deployment deployment, boolean force) {
    MovedList moved = file == null ? MovedList.NONE : MovedList.read(file);
    return new PlanRequest(
        new LinkedHashSet<>(targets), new LinkedHashSet<>(replace), moved.moves(), force);
  }
}
