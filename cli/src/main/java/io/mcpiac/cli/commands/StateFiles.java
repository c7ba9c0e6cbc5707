package io.mcpiac.cli.commands;

import io.mcpiac.cli.StateOptions;
import io.mcpiac.cli.UsageException;
import io.mcpiac.engine.states.StateStore;

/** Checks shared by commands that edit an existing deployment's state. */
final class StateFiles {
  private StateFiles() {}

  /** {@code deployment}, when state has it; otherwise a usage error naming the location. */
  static String existing(StateOptions state, String deployment) {
    try (StateStore store = state.openExisting()) {
      if (store.version(deployment) == 0) {
        throw new UsageException("no deployment named '" + deployment + "' in " + store.location());
      }
    }
    return deployment;
  }
}
