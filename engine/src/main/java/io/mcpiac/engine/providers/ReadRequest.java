package io.mcpiac.engine.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A resource the engine believes exists: what a batched {@link Provider#read} looks for. */
public record ReadRequest(String name, String id, ObjectNode properties, ObjectNode outputs) {}
