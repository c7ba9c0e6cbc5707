package io.mcpiac.engine.errors;

/**
 * The caller's input is wrong; the message says what and where. It stays an {@link
 * IllegalArgumentException} so callers that already catch that keep working, but only this one is
 * the caller's mistake: a bare {@code IllegalArgumentException} is a bug of ours.
 */
public class InvalidInputException extends IllegalArgumentException implements KindedError {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INVALID_INPUT;
  }
}
