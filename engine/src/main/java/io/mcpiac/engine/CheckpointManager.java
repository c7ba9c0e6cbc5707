package io.mcpiac.engine;

import io.mcpiac.engine.checkpoints.CheckpointConfiguration;
import io.mcpiac.engine.errors.NotFoundException;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.Planner;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.StateLock;
import java.util.function.Predicate;

/**
 * The seed's CheckpointManager: a checkpoint is an immutable copy of a deployment's state, with the
 * configuration it was last applied with ({@link CheckpointConfiguration}); restoring one plans the
 * difference between what is there now and the checkpoint, shows it, and applies it. It lives next
 * to {@link Engine}, whose lock and apply it uses, so that the checkpoints package (checkpoints as
 * configurations, their diff) never points back at the engine.
 */
public final class CheckpointManager {
  private final Engine engine;

  public CheckpointManager(Engine engine) {
    this.engine = engine;
  }

  /** A checkpoint of a deployment nothing was applied to yet is empty (version 0). */
  public Checkpoint create(String deployment, String description) {
    try (StateLock ignored = engine.lock(deployment, "checkpoint")) {
      return engine.store().createCheckpoint(deployment, description);
    }
  }

  public java.util.List<Checkpoint> list(String deployment) {
    return engine.store().checkpoints(deployment);
  }

  public Checkpoint get(String id) {
    return engine
        .store()
        .checkpoint(id)
        .orElseThrow(() -> new NotFoundException("checkpoint '" + id + "' not found"));
  }

  /** The plan that would converge the real systems back to the checkpoint. */
  public Plan planRestore(String id) {
    Checkpoint cp = get(id);
    try (StateLock ignored = engine.lock(cp.deployment(), "plan restore")) {
      return new Planner(engine.registry())
          .plan(CheckpointConfiguration.restorable(cp), engine.state(cp.deployment()));
    }
  }

  /** Plans and applies the restore under one lock. */
  public Engine.Applied restore(
      String id,
      ExecutionOptions options,
      Predicate<Plan> approve,
      ProgressListener listener,
      Cancellation cancel) {
    Checkpoint cp = get(id);
    try (StateLock ignored = engine.lock(cp.deployment(), "restore " + id)) {
      Plan plan =
          new Planner(engine.registry())
              .plan(
                  CheckpointConfiguration.restorable(cp),
                  engine.state(cp.deployment()),
                  Engine.forced(options));
      Engine.Applied applied = engine.run(plan, options, approve, listener, cancel);
      boolean matches =
          applied.applied() ? applied.result().success() : !applied.plan().hasChanges();
      long version = engine.store().version(cp.deployment());
      if (matches && cp.configuration() != null && version > 0) {
        // the deployment matches the checkpoint's configuration now: later checkpoints keep it
        engine.store().recordConfiguration(cp.deployment(), version, cp.configuration());
      }
      return applied;
    }
  }
}
