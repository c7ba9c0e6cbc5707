package io.mcpiac.cli;

/** The command was called in a way that cannot work; exit code 2. */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
