package io.mcpiac.engine.states;

import java.time.Instant;
import java.util.List;

/**
 * The seed's checkpoint: a named, immutable copy of a deployment's state at one version.
 *
 * @param configuration the configuration the deployment was last applied with when the checkpoint
 *     was made (JSON: resources with their references unresolved, non-secret provider settings; see
 *     the checkpoints package's {@code CheckpointConfiguration}); null for checkpoints made before
 *     configurations were kept, or of a deployment never applied
 */
public record Checkpoint(
    String id,
    String deployment,
    long version,
    Instant timestamp,
    String description,
    List<ResourceRecord> resources,
    String configuration) {

  public Checkpoint {
    resources = List.copyOf(resources);
  }

  public Checkpoint(
      String id,
      String deployment,
      long version,
      Instant timestamp,
      String description,
      List<ResourceRecord> resources) {
    this(id, deployment, version, timestamp, description, resources, null);
  }
}
