package io.mcpiac.engine.policies;

import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.errors.KindedError;
import java.util.List;

/**
 * Mandatory policies are not met: the plan stops before any system is touched (or, for a value only
 * known during apply, before the action that would have set it). Carries every violation, advisory
 * ones too, so a client fixes everything in one go.
 */
public final class PolicyViolationException extends RuntimeException implements KindedError {
  private final transient List<PolicyViolation> violations;

  public PolicyViolationException(List<PolicyViolation> violations) {
    super(message(violations));
    this.violations = List.copyOf(violations);
  }

  public List<PolicyViolation> violations() {
    return violations;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.POLICY_VIOLATION;
  }

  /** The mandatory violations first; advisory ones (which stop nothing) after them. */
  private static String message(List<PolicyViolation> violations) {
    long mandatory = violations.stream().filter(PolicyViolation::mandatory).count();
    StringBuilder b =
        new StringBuilder(
            mandatory == 1
                ? "1 mandatory policy violation"
                : mandatory + " mandatory policy violations");
    b.append("; nothing was changed:");
    violations.stream()
        .filter(PolicyViolation::mandatory)
        .forEach(v -> b.append("\n  ").append(v.text()));
    violations.stream()
        .filter(v -> !v.mandatory())
        .forEach(v -> b.append("\n  advisory: ").append(v.text()));
    return b.toString();
  }
}
