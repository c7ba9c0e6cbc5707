package io.mcpiac.cli;

/** Whether a person is at a terminal. */
public final class Terminal {
  private Terminal() {}

  public static boolean isInteractive() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  /** Asks for "yes" on the console; false without a console. */
  public static boolean confirm(String question) {
    var console = System.console();
    if (console == null) {
      return false;
    }
    String answer = console.readLine("%s Only 'yes' will be accepted: ", question);
    return answer != null && answer.trim().equals("yes");
  }
}
