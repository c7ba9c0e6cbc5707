package io.mcpiac.opnsense.resources;

/** A write OPNsense refused or did not answer; the message is for the user. */
public final class WriteFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WriteFailure(String message) {
    super(message);
  }
}
