package io.mcpiac.opnsense.client;

import io.mcpiac.engine.providers.ProviderException;

/**
 * OPNsense answered with an error (or not at all). {@code transientFailure} says whether trying
 * again may help: dropped connections and OPNsense's generic "Unexpected error" may; a {@code
 * UserException} (an object in use, a certificate error) or an authentication failure will not.
 */
public final class OpnsenseApiException extends ProviderException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final boolean transientFailure;

  public OpnsenseApiException(String message, int status, boolean transientFailure) {
    super(message);
    this.status = status;
    this.transientFailure = transientFailure;
  }

  public OpnsenseApiException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.transientFailure = true;
  }

  /** The HTTP status; 0 when no answer arrived. */
  public int status() {
    return status;
  }

  public boolean transientFailure() {
    return transientFailure;
  }
}
