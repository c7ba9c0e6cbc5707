package io.mcpiac.engine.states;

import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.errors.KindedError;

/** The state store could not be read or written: the database failed, not the caller. */
public class StateStoreException extends RuntimeException implements KindedError {
  private static final long serialVersionUID = 1L;

  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.STATE_DAMAGED;
  }
}
