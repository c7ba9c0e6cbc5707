package io.mcpiac.cli;

import picocli.CommandLine;

/** {@code mcp-iac --version}. */
public final class Version implements CommandLine.IVersionProvider {
  public static final String VERSION = "0.1.0";

  @Override
  public String[] getVersion() {
    return new String[] {
      "mcp-iac " + VERSION,
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
