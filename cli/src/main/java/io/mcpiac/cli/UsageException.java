package io.mcpiac.cli;

import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.errors.KindedError;

/** The command was called in a way that cannot work; exit code 2. */
public class UsageException extends RuntimeException implements KindedError {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INVALID_INPUT;
  }
}
