package io.mcpiac.engine.providers.kit;

/**
 * Whether one step of a change went through (a pull, a start, a check), and if not why: a result
 * type instead of a string that is null on success.
 */
public sealed interface Outcome {
  Outcome DONE = new Done();

  static Outcome failed(String reason) {
    return new Failed(reason);
  }

  default boolean done() {
    return this instanceof Done;
  }

  /** The step went through. */
  record Done() implements Outcome {}

  /** The step did not go through, for {@code reason} (words a user can act on). */
  record Failed(String reason) implements Outcome {
    public Failed {
      java.util.Objects.requireNonNull(reason, "reason");
    }
  }
}
