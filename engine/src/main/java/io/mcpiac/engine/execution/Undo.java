package io.mcpiac.engine.execution;

import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.states.ResourceRecord;

/**
 * How to undo a completed change, and what state looks like after the undo.
 *
 * @param put the record after the undo (null: none)
 * @param remove the name whose record the undo removes (null: none)
 */
record Undo(String resource, Provider provider, Change change, ResourceRecord put, String remove) {}
