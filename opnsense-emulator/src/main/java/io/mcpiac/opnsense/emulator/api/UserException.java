package io.mcpiac.opnsense.emulator.api;

/**
 * OPNsense's {@code UserException}: a failure meant for the user, answered with HTTP 500 {@code
 * {"errorMessage":…,"errorTitle":…}}.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String title;

  public UserException(String message, String title) {
    super(message);
    this.title = title;
  }

  public String title() {
    return title;
  }
}
