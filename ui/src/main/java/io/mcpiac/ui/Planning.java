package io.mcpiac.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.checkpoints.CheckpointConfiguration;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.errors.NotFoundException;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.StateStore;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Plans for the page (of a file, of a deployment's last applied configuration, of a checkpoint's
 * restore) and the apply of one the page approved by its digest.
 */
final class Planning {
  static final String FILE = "file";
  static final String LAST = "last-configuration";
  static final String RESTORE = "restore";

  private final UiBackend backend;
  private final Runs runs;
  private final HeldPlans held = new HeldPlans();

  Planning(UiBackend backend, Runs runs) {
    this.backend = backend;
    this.runs = runs;
  }

  /** {@code {"file": PATH}} or {@code {"deployment": NAME}} (its last applied configuration). */
  ObjectNode plan(ObjectNode body) {
    if (body.hasNonNull("file")) {
      Path file = Path.of(Http.text(body, "file")).toAbsolutePath();
      try (UiBackend.FileBench bench = backend.forFile(file)) {
        return hold(bench.engine().plan(bench.deployment()), FILE, file, null);
      }
    }
    String name = Http.text(body, "deployment");
    Checkpoint current = lastConfiguration(name);
    try (UiBackend.Bench bench = backend.forCheckpoint(current)) {
      Deployment deployment = CheckpointConfiguration.restorable(current);
      return hold(bench.engine().plan(deployment), LAST, null, current);
    }
  }

  /** The plan that converges the systems back to checkpoint {@code id}, shown before any change. */
  ObjectNode planRestore(String id) {
    Checkpoint cp;
    try (StateStore store = backend.openStore()) {
      cp =
          store
              .checkpoint(id)
              .orElseThrow(() -> new NotFoundException("checkpoint '" + id + "' not found"));
    }
    try (UiBackend.Bench bench = backend.forCheckpoint(cp)) {
      return hold(bench.engine().checkpoints().planRestore(id), RESTORE, null, cp);
    }
  }

  /** {@code {"planId": ID, "digest": SHA256}}: starts the apply, answers with the run. */
  ObjectNode apply(ObjectNode body) {
    ExecutionOptions options = options(body.path("options"));
    HeldPlans.Held h = held.take(Http.text(body, "planId"), Http.text(body, "digest"));
    Plan plan = h.plan();
    if (!plan.hasChanges()) {
      throw new ApiError(400, "the plan changes nothing: there is nothing to apply");
    }
    // a file's policies are read again, as apply PLANFILE does: they review the apply too
    UiBackend.Bench bench =
        h.file() != null ? backend.forFile(h.file()) : backend.forCheckpoint(h.checkpoint());
    String kind = h.origin().equals(RESTORE) ? "restore " + h.checkpoint().id() : "apply";
    return runs.start(plan, kind, PlanView.of(plan, h.origin()), bench, options).summary();
  }

  /** The CLI's apply options, with its defaults (parallelism 5, roll back on failure). */
  private static ExecutionOptions options(com.fasterxml.jackson.databind.JsonNode o) {
    int parallelism = o.path("parallelism").asInt(ExecutionOptions.DEFAULTS.parallelism());
    if (parallelism < 1 || parallelism > 256) {
      throw new ApiError(400, "parallelism must be between 1 and 256");
    }
    return new ExecutionOptions(
        parallelism,
        o.path("continueOnError").asBoolean(ExecutionOptions.DEFAULTS.continueOnError()),
        o.path("rollbackOnFailure").asBoolean(ExecutionOptions.DEFAULTS.rollbackOnFailure()));
  }

  private ObjectNode hold(Plan plan, String origin, Path file, Checkpoint from) {
    held.put(new HeldPlans.Held(plan, origin, file, from));
    return PlanView.of(plan, origin);
  }

  /**
   * The deployment as last applied, in the shape of a checkpoint of now: its recorded state and the
   * configuration kept with it, which {@link CheckpointConfiguration#restorable} turns back into a
   * deployment to plan.
   */
  private Checkpoint lastConfiguration(String name) {
    try (StateStore store = backend.openStore()) {
      DeploymentState state =
          store
              .load(name)
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "no deployment named '" + name + "' in " + store.location()));
      return new Checkpoint(
          "current",
          name,
          state.version(),
          Instant.now(),
          "the last applied configuration",
          java.util.List.copyOf(state.resources().values()),
          store.configuration(name).orElse(null));
    }
  }
}
