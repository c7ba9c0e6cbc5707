package io.mcpiac.engine.plans;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One property's change: {@code before} → {@code after} (either may be null: absent). Values may be
 * unknown or sensitive stand-ins (see {@link io.mcpiac.engine.resources.Values}).
 */
public record PropertyChange(
    String path, JsonNode before, JsonNode after, boolean forcesReplacement) {}
