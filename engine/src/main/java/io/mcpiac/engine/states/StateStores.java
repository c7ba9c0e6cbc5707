package io.mcpiac.engine.states;

import io.mcpiac.engine.states.jdbc.JdbcStateStore;
import io.mcpiac.engine.states.jdbc.StoreSettings;
import io.mcpiac.engine.states.postgres.PostgresDialect;
import io.mcpiac.engine.states.postgres.PostgresLocation;
import io.mcpiac.engine.states.sqlite.SqliteDialect;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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
    if (isPostgresql(location)) {
      PostgresLocation postgres = PostgresLocation.parse(location, System.getenv());
      return JdbcStateStore.open(new PostgresDialect(postgres), settings);
    }
    return JdbcStateStore.open(new SqliteDialect(sqlitePath(location)), settings);
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

  static boolean isPostgresql(String location) {
    String lower = location.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("postgresql://") || lower.startsWith("postgres://");
  }

  /** The location without a password, for messages. */
  private static String redacted(String location) {
    return location.replaceFirst("(://[^:/@]*):[^@/]*@", "$1@");
  }
}
