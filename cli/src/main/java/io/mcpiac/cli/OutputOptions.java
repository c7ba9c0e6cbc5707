package io.mcpiac.cli;

import picocli.CommandLine.Option;

/** {@code --json} and colour: colour only on a terminal, never with NO_COLOR or --no-color. */
public final class OutputOptions {
  @Option(names = "--json", description = "Machine-readable JSON on stdout.")
  boolean json;

  @Option(names = "--no-color", description = "No ANSI colours even on a terminal.")
  boolean noColor;

  public boolean json() {
    return json;
  }

  public boolean colour() {
    return !json && !noColor && Terminal.isInteractive() && System.getenv("NO_COLOR") == null;
  }
}
