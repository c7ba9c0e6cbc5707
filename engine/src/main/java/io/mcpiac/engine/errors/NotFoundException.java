package io.mcpiac.engine.errors;

import java.util.NoSuchElementException;

/**
 * What the caller named does not exist. A {@link NoSuchElementException} for callers that catch
 * that; a bare one (an empty {@code Optional.orElseThrow()}) is a bug of ours.
 */
public class NotFoundException extends NoSuchElementException implements KindedError {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.NOT_FOUND;
  }
}
