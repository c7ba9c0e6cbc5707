package io.mcpiac.engine.states;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A deployment's recorded state at one version: its resources keyed by name. */
public record DeploymentState(
    String name, long version, Instant updatedAt, Map<String, ResourceRecord> resources) {

  public DeploymentState {
    resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
  }

  public static DeploymentState empty(String name) {
    return new DeploymentState(name, 0, null, Map.of());
  }

  public Optional<ResourceRecord> resource(String name) {
    return Optional.ofNullable(resources.get(name));
  }
}
