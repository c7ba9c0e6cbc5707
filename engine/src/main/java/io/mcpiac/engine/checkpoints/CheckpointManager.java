package io.mcpiac.engine.checkpoints;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ReferenceRecovery;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.config.SourceLocation;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.Planner;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateLock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * The seed's CheckpointManager: a checkpoint is an immutable copy of a deployment's state, with the
 * configuration it was last applied with ({@link CheckpointConfiguration}); restoring one plans the
 * difference between what is there now and the checkpoint, shows it, and applies it.
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

  public List<Checkpoint> list(String deployment) {
    return engine.store().checkpoints(deployment);
  }

  public Checkpoint get(String id) {
    return engine
        .store()
        .checkpoint(id)
        .orElseThrow(() -> new NoSuchElementException("checkpoint '" + id + "' not found"));
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

  /**
   * A checkpoint as a configuration to restore: as {@link #asDeployment}, with every literal that
   * is a dependency's recorded output (an alias name, a server's UUID) turned back into a
   * reference, so after a destroy the re-created objects' new ids flow to what uses them.
   */
  public static Deployment asRestorable(String name, Collection<ResourceRecord> records) {
    Map<String, ResourceRecord> byName = new java.util.HashMap<>();
    records.forEach(r -> byName.put(r.name(), r));
    List<ResourceConfig> out = new ArrayList<>();
    for (ResourceConfig r : asDeployment(name, records).resources()) {
      Map<String, com.fasterxml.jackson.databind.node.ObjectNode> outputs =
          new java.util.HashMap<>();
      for (String dep : r.dependsOn()) {
        ResourceRecord target = byName.get(dep);
        if (target != null) {
          outputs.put(dep, target.outputs());
        }
      }
      out.add(
          new ResourceConfig(
              r.type(),
              r.name(),
              new ReferenceRecovery(outputs).rewrite(r.properties()),
              r.dependsOn(),
              r.provider(),
              r.location(),
              r.propertyLines()));
    }
    Deployment d = asDeployment(name, records);
    return new Deployment(
        name, d.providers(), out, d.location(), d.sensitiveValues(), d.sensitiveProperties());
  }

  /** Recorded resources as a configuration: their resolved properties and recorded dependencies. */
  public static Deployment asDeployment(String name, Collection<ResourceRecord> records) {
    List<ResourceConfig> resources = new ArrayList<>();
    SourceLocation origin = new SourceLocation("<state of " + name + ">", 0);
    for (ResourceRecord r : records) {
      resources.add(
          new ResourceConfig(
              r.type(),
              r.name(),
              Json.copy(r.properties()),
              r.dependencies(),
              r.provider(),
              origin,
              Map.of()));
    }
    return new Deployment(name, Map.of(), resources, origin);
  }
}
