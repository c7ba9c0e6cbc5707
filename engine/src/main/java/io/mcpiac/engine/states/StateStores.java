package io.mcpiac.engine.states;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** Opens a state store from a location such as {@code sqlite:.mcp-iac/state.db}. */
public final class StateStores {
  /** The environment variable that overrides the default location. */
  public static final String LOCATION_VARIABLE = "MCP_IAC_STATE";

  public static final String DEFAULT_LOCATION = "sqlite:.mcp-iac/state.db";

  private static final String SQLITE = "sqlite:";
  private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  private StateStores() {}

  /**
   * Opens the store at {@code location}: {@code postgresql://user@host:port/database} (password
   * from the location, {@code PGPASSWORD} or the password file), {@code sqlite:PATH} or a bare path
   * (a SQLite file, relative to the working directory, its parent directories created).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static StateStore open(String location) {
    return open(location, StoreSettings.defaults());
  }

  public static StateStore open(String location, StoreSettings settings) {
    for (StateStoreFactory backend : Backends.ALL) {
      if (backend.opens(location)) {
        return backend.open(location, settings);
      }
    }
    // sqlitePath says what is wrong with a location no backend opens
    sqlitePath(location);
    throw new IllegalStateException("no state backend opens '" + redacted(location) + "'");
  }

  /** The backends on the class path, loaded once; each opens locations the others do not. */
  private static final class Backends {
    static final List<StateStoreFactory> ALL =
        ServiceLoader.load(StateStoreFactory.class, StateStores.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
  }

  /** {@value #LOCATION_VARIABLE} if set, else {@value #DEFAULT_LOCATION}. */
  public static String defaultLocation() {
    return defaultLocation(System.getenv());
  }

  static String defaultLocation(Map<String, String> environment) {
    String configured = environment.get(LOCATION_VARIABLE);
    return configured == null || configured.isBlank() ? DEFAULT_LOCATION : configured.strip();
  }

  /** The SQLite file a location names (absolute); empty for a PostgreSQL location. */
  public static java.util.Optional<Path> sqliteFile(String location) {
    return isPostgresql(location)
        ? java.util.Optional.empty()
        : java.util.Optional.of(sqlitePath(location));
  }

  /** The SQLite file {@code location} names, absolute. */
  static Path sqlitePath(String location) {
    String text = location.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty state location");
    }
    if (text.toLowerCase(Locale.ROOT).startsWith(SQLITE)) {
      text = text.substring(SQLITE.length());
      if (text.isEmpty()) {
        throw new IllegalArgumentException("no file in state location '" + location + "'");
      }
    } else if (URL_SCHEME.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "unknown state location '"
              + redacted(text)
              + "': use sqlite:PATH, a file path or postgresql://…");
    }
    return Path.of(text).toAbsolutePath().normalize();
  }

  /** True for a {@code postgresql://} (or {@code postgres://}) location. */
  public static boolean isPostgresql(String location) {
    String lower = location.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("postgresql://") || lower.startsWith("postgres://");
  }

  /** The location without a password, for messages. */
  private static String redacted(String location) {
    return location.replaceFirst("(://[^:/@]*):[^@/]*@", "$1@");
  }
}
