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
  READ_ONLY,
  /** The apply was cancelled with cancelDeployment (and rolled back per its options). */
  CANCELLED,
  INTERNAL
}
