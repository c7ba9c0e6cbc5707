package io.mcpiac.engine.execution;

import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.states.ResourceRecord;

/**
 * A journalled provider call that is part of a node's action.
 *
 * @param putOnSuccess the record state gets when the call succeeds (null: none)
 * @param removeOnSuccess the name whose record goes when the call succeeds (null: none)
 * @param deposedOnSuccess also recorded when the call succeeds: the old object of a
 *     create-before-destroy replacement, under its {@link io.mcpiac.engine.states.Deposed deposed}
 *     name, until its delete (null: none)
 */
record Step(
    ActionNode node,
    Provider provider,
    Change change,
    ResourceRecord putOnSuccess,
    String removeOnSuccess,
    ResourceRecord deposedOnSuccess,
    Undo undo) {

  Step(
      ActionNode node,
      Provider provider,
      Change change,
      ResourceRecord putOnSuccess,
      String removeOnSuccess,
      Undo undo) {
    this(node, provider, change, putOnSuccess, removeOnSuccess, null, undo);
  }

  /** What the journal keeps of the call: the record it writes, or (a delete) the one it removes. */
  ResourceRecord journalled() {
    return putOnSuccess != null ? putOnSuccess : undo.put();
  }
}
