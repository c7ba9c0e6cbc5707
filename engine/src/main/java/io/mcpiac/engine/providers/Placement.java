package io.mcpiac.engine.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One configured resource as {@link Provider#arrange} sees it: in the order of the file, with what
 * state recorded for it (null when new).
 *
 * @param properties the configured properties (references not resolved yet)
 * @param recorded the recorded properties, or null
 */
public record Placement(String name, ObjectNode properties, ObjectNode recorded) {}
