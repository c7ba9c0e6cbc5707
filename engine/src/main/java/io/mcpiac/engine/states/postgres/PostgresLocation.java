package io.mcpiac.engine.states.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.postgresql.jdbcurlresolver.PgPassParser;

/**
 * A {@code postgresql://user[:password]@host[:port]/database[?parameters]} location. The password
 * comes from the location, else {@code PGPASSWORD}, else the password file ({@code PGPASSFILE} or
 * {@code ~/.pgpass}); it is never part of {@link #display()} or {@link #toString()}.
 *
 * @param parameters the query string, handed to the driver as is ({@code sslmode=require}); may be
 *     empty
 */
public record PostgresLocation(
    String user, String password, String host, int port, String database, String parameters) {
  public static final int DEFAULT_PORT = 5432;

  /** Parses {@code location} ({@code postgresql://} or {@code postgres://}). */
  public static PostgresLocation parse(String location, Map<String, String> environment) {
    URI uri;
    try {
      uri = new URI(location.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("invalid PostgreSQL location: " + e.getReason(), e);
    }
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
      throw new IllegalArgumentException("not a postgresql:// location");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "a PostgreSQL location needs a host: postgresql://user@host/db");
    }
    String userInfo = uri.getUserInfo();
    String user = userInfo == null ? null : userInfo.split(":", 2)[0];
    String password = userInfo != null && userInfo.contains(":") ? userInfo.split(":", 2)[1] : null;
    if (user == null || user.isEmpty()) {
      user = environment.getOrDefault("PGUSER", System.getProperty("user.name"));
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    String database = path.isEmpty() ? user : path;
    if (password == null || password.isEmpty()) {
      password = environment.get("PGPASSWORD");
    }
    if (password == null || password.isEmpty()) {
      password = PgPassParser.getPassword(uri.getHost(), String.valueOf(port), database, user);
    }
    String parameters = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    return new PostgresLocation(user, password, uri.getHost(), port, database, parameters);
  }

  /** The JDBC URL, without user or password (those go to the driver as properties). */
  public String jdbcUrl() {
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    return parameters.isEmpty() ? url : url + "?" + parameters;
  }

  /** The location for messages: {@code postgresql://user@host:port/database}, no password. */
  public String display() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return display();
  }
}
