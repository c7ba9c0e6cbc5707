package io.mcpiac.engine.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An object as it really is, read from the provider's system, in the type's own (friendly) property
 * names.
 */
public record LiveResource(String name, String id, ObjectNode properties, ObjectNode outputs) {}
