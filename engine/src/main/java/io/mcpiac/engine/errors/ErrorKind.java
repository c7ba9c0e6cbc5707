package io.mcpiac.engine.errors;

/**
 * What kind of failure an exception is, so that each front end (the CLI's exit codes and JSON
 * diagnostics, the MCP envelope's error codes) maps kinds in one place instead of guessing from
 * exception classes. Anything that does not say its kind is {@link #INTERNAL}: a bug of ours, never
 * shown to a user or an AI client as a mistake of theirs.
 */
public enum ErrorKind {
  /** The caller's input is wrong: a deployment, an argument, a file; nothing was changed. */
  INVALID_INPUT,
  /** What the caller named (a deployment, a checkpoint, a resource) does not exist. */
  NOT_FOUND,
  /** Another writer holds the deployment's lock. */
  LOCKED,
  /** The state database failed or is damaged: not the caller's fault, not a bug of ours. */
  STATE_DAMAGED,
  /** A saved plan no longer matches state or the live systems. */
  STALE_PLAN,
  /** A provider, or the system behind it, could not do what was asked. */
  PROVIDER_FAILURE,
  /** A check before any change found risks the caller did not accept. */
  RISK_REFUSED,
  /** Mandatory policies are not met; nothing was changed. */
  POLICY_VIOLATION,
  /** The caller cancelled the run. */
  CANCELLED,
  /** A bug of ours. */
  INTERNAL;

  /** The kind {@code e} declares, else {@link #INTERNAL}. */
  public static ErrorKind of(Throwable e) {
    return e instanceof KindedError k ? k.kind() : INTERNAL;
  }
}
