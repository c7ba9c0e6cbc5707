package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of {@code spec.outputs}: {@code name: {value: "${…}", description, sensitive}}.
 *
 * @param value any value; references resolve after the resources they name are applied
 */
public record OutputDeclaration(
    String name, JsonNode value, String description, boolean sensitive, SourceLocation location) {}
