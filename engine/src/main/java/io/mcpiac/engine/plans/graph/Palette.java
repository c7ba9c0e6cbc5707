package io.mcpiac.engine.plans.graph;

import io.mcpiac.engine.plans.ActionType;

/** The colours of each action, the same in every format (the plan's terminal colours). */
final class Palette {
  private Palette() {}

  static String fill(ActionType a) {
    return switch (a) {
      case CREATE -> "#d9f2d9";
      case UPDATE -> "#fff2cc";
      case REPLACE -> "#eadcf8";
      case DELETE -> "#f8d7da";
      case NO_OP -> "#f2f2f2";
    };
  }

  static String stroke(ActionType a) {
    return switch (a) {
      case CREATE -> "#2e7d32";
      case UPDATE -> "#b8860b";
      case REPLACE -> "#6a1b9a";
      case DELETE -> "#c62828";
      case NO_OP -> "#9e9e9e";
    };
  }
}
