package io.mcpiac.mcp.envelope;

/** The stable error codes of the envelope: clients branch on these, never on messages. */
public enum ErrorCode {
  VALIDATION_FAILED,
  PLAN_NOT_FOUND,
  PLAN_STALE,
  LOCKED,
  NOT_FOUND,
  PROVIDER_ERROR,
  CONFIRMATION_REQUIRED,
  RISK_REFUSED,
  /**
   * Mandatory policies are not met; {@code details.violations} lists every one. Nothing changed.
   */
  POLICY_VIOLATION,
  READ_ONLY,
  /** The apply was cancelled with cancelDeployment (and rolled back per its options). */
  CANCELLED,
  INTERNAL
}
