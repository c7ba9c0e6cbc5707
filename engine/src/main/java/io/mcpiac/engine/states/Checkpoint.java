package io.mcpiac.engine.states;

import java.time.Instant;
import java.util.List;

/** The seed's checkpoint: a named, immutable copy of a deployment's state at one version. */
public record Checkpoint(
    String id,
    String deployment,
    long version,
    Instant timestamp,
    String description,
    List<ResourceRecord> resources) {

  public Checkpoint {
    resources = List.copyOf(resources);
  }
}
