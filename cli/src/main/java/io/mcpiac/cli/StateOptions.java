package io.mcpiac.cli;

import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import picocli.CommandLine.Option;

/** {@code --state}, honouring {@code MCP_IAC_STATE}: shared by every command that uses state. */
public final class StateOptions {
  @Option(
      names = "--state",
      paramLabel = "LOCATION",
      description =
          "Where state lives: sqlite:PATH or postgresql://user@host:port/db"
              + " (default: $MCP_IAC_STATE, else sqlite:.mcp-iac/state.db).")
  String location;

  public String location() {
    return location != null ? location : StateStores.defaultLocation();
  }

  public StateStore open() {
    return StateStores.open(location());
  }
}
