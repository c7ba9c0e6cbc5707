package io.mcpiac.engine.providers.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.resources.ResourceType;

/**
 * An object the contract created, as the engine would record it.
 *
 * @param name the resource name
 * @param id the provider's id of the object (the one {@code newId} chose for the create)
 * @param properties the recorded properties (the change's desired ones, or the provider's
 *     normalised ones)
 * @param outputs the outputs the create answered with
 */
public record ContractObject(
    ResourceType type, String name, String id, ObjectNode properties, ObjectNode outputs) {}
