package io.mcpiac.engine.states;

import java.time.Instant;

/** One line of {@code state list}. */
public record DeploymentSummary(String name, long version, int resources, Instant updatedAt) {}
