package io.mcpiac.cli;

import io.mcpiac.engine.states.EmptyStateStore;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --state}, honouring {@code MCP_IAC_STATE}: shared by every command that uses state.
 *
 * <p>A SQLite file that does not exist yet is created only by commands that write ({@link #open},
 * with a one-line note on stderr). Commands that only look either say that there is no state
 * ({@link #openExisting}) or, for {@code plan}, plan against empty state without creating anything
 * ({@link #readOnly}).
 */
public final class StateOptions {
  @Option(
      names = "--state",
      paramLabel = "LOCATION",
      description =
          "Where state lives: sqlite:PATH or postgresql://user@host:port/db"
              + " (default: $MCP_IAC_STATE, else sqlite:.mcp-iac/state.db).")
  String location;

  private boolean readOnly;

  public String location() {
    return location != null ? location : StateStores.defaultLocation();
  }

  /** From now on {@link #open} creates nothing: a missing file reads as empty state. */
  public StateOptions readOnly() {
    readOnly = true;
    return this;
  }

  /** The SQLite file, when the location is one and it does not exist yet. */
  public Optional<Path> missingFile() {
    return StateStores.sqliteFile(location()).filter(f -> !Files.exists(f));
  }

  /** For commands that write: creates a missing SQLite file, saying so. */
  public StateStore open() {
    Optional<Path> missing = missingFile();
    if (missing.isPresent() && readOnly) {
      return emptyStandIn(missing.get());
    }
    StateStore store = StateStores.open(location());
    missing.ifPresent(f -> System.err.println("mcp-iac: created a new state file " + f));
    return store;
  }

  /**
   * For {@code serve}: an MCP client often starts servers in a directory the user cannot write
   * ({@code /}); without {@code --state} or {@code MCP_IAC_STATE} the server then keeps state in
   * the user's own location ({@link Installation#userStateFile}) and says so on stderr.
   */
  public StateStore openForServer() {
    boolean defaulted =
        location == null
            && (System.getenv(StateStores.LOCATION_VARIABLE) == null
                || System.getenv(StateStores.LOCATION_VARIABLE).isBlank());
    if (defaulted) {
      Path here = StateStores.sqliteFile(location()).orElseThrow();
      if (!Files.exists(here) && !Installation.canCreate(here)) {
        Path user = Installation.userStateFile();
        System.err.println(
            "mcp-iac: "
                + here.getParent()
                + " is not writable; keeping state in sqlite:"
                + user
                + " (set --state to choose)");
        location = "sqlite:" + user;
      }
    }
    return open();
  }

  /** For commands that only look: a missing SQLite file is an error that says so. */
  public StateStore openExisting() {
    missingFile()
        .ifPresent(
            f -> {
              throw new UsageException(
                  "no state at sqlite:"
                      + f
                      + " (nothing was applied with this --state yet; check --state or"
                      + " $MCP_IAC_STATE)");
            });
    return StateStores.open(location());
  }

  /**
   * Empty state that leaves nothing behind: nothing is created or migrated, not even a temporary
   * database; messages name the real location.
   */
  private StateStore emptyStandIn(Path wanted) {
    System.err.println(
        "mcp-iac: no state at sqlite:" + wanted + " yet: planning against empty state");
    return new EmptyStateStore("sqlite:" + wanted);
  }
}
