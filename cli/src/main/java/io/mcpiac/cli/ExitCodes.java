package io.mcpiac.cli;

/** The exit codes every command uses. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int INVALID_INPUT = 2;
  public static final int HAS_CHANGES = 3;

  private ExitCodes() {}
}
