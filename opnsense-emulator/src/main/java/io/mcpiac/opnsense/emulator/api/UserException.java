package io.mcpiac.opnsense.emulator.api;

/**
 * OPNsense's {@code UserException}: a failure meant for the user, answered with HTTP 500 {@code
 * {"errorMessage":…,"errorTitle":…}}.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String title;

  /** A null title is PHP's default {@code ''}: the answer still carries {@code "errorTitle":""}. */
  public UserException(String message, String title) {
    super(message);
    this.title = title == null ? "" : title;
  }

  public String title() {
    return title;
  }
}
