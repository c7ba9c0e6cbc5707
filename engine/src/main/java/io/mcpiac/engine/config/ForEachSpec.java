package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A resource's {@code forEach} (a list, a map, or {@code ${var.…}}) and {@code forEachKey}: the
 * field of each element of a list of mappings that names its instance.
 */
public record ForEachSpec(JsonNode value, String keyField, SourceLocation location) {}
