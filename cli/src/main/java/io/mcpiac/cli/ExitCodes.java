package io.mcpiac.cli;

/**
 * The exit codes every command uses, and the one place that maps a command's outcome to the code a
 * user sees.
 *
 * <p>Without {@code --detailed-exitcode}: 0 success (with or without changes), 1 failure, 2 invalid
 * input. With it, exactly Terraform's: 0 success without changes, 1 any error (invalid input
 * included), 2 success with changes. Commands return {@link #CHANGES_PENDING} when they succeeded
 * and found changes; {@link #forUser} does the rest, so a command added later gets both conventions
 * for free.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int INVALID_INPUT = 2;

  /** What the user sees with {@code --detailed-exitcode} when there are changes (Terraform's 2). */
  public static final int HAS_CHANGES = 2;

  /** A command's outcome (never shown): success, and there are changes. */
  public static final int CHANGES_PENDING = -3;

  /** The option that switches to Terraform's codes. */
  public static final String DETAILED_OPTION = "--detailed-exitcode";

  private ExitCodes() {}

  /** The code the process exits with, for a command's outcome. */
  public static int forUser(int outcome, boolean detailed) {
    if (outcome == CHANGES_PENDING) {
      return detailed ? HAS_CHANGES : OK;
    }
    if (detailed && outcome == INVALID_INPUT) {
      return FAILED;
    }
    return outcome;
  }
}
