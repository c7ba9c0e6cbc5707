package io.mcpiac.engine.providers;

import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.errors.KindedError;

/** A provider could not do what was asked; the message is for the user. */
public class ProviderException extends RuntimeException implements KindedError {
  private static final long serialVersionUID = 1L;

  public ProviderException(String message) {
    super(message);
  }

  public ProviderException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.PROVIDER_FAILURE;
  }
}
