package io.mcpiac.cli;

/** Entry point of the mcp-iac command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.err.println("mcp-iac: not wired yet");
    System.exit(1);
  }
}
