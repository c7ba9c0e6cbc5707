package io.mcpiac.engine.states;

/** The state store could not be read or written: the database failed, not the caller. */
public class StateStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
