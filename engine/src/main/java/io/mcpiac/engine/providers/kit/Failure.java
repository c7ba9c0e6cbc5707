package io.mcpiac.engine.providers.kit;

/**
 * What a provider's exception means for the change it interrupted (see {@link
 * KitProvider#classify}).
 */
public sealed interface Failure {

  /** The system refused this one change; the batch's other changes go on. */
  record OfChange(String message) implements Failure {}

  /**
   * The system did not answer (or the provider cannot tell what happened): the batch fails as a
   * whole and the engine finds out by a read what was done.
   */
  record OfBatch(RuntimeException error) implements Failure {}

  /** The kit's default: a {@code ProviderException}'s message is the user's, others are named. */
  static Failure ofChange(RuntimeException e) {
    return new OfChange(
        e instanceof io.mcpiac.engine.providers.ProviderException
            ? e.getMessage()
            : e.getClass().getSimpleName() + ": " + e.getMessage());
  }
}
