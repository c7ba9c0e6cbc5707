package io.mcpiac.postgresql.connection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Function;

/**
 * One PostgreSQL server, as one provider instance sees it: opens a connection to any of its
 * databases with the instance's settings and password. A connection per unit of work: changes of
 * one batch run in parallel on their own connections, and a server restart costs nothing but the
 * next connect.
 */
public final class PgServer {
  private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

  private final ConnectionSettings settings;
  private final PasswordLookup passwords;
  private final Function<String, String> env;
  private final java.util.Map<String, PgServer> others =
      new java.util.concurrent.ConcurrentHashMap<>();

  public PgServer(ConnectionSettings settings, Function<String, String> env) {
    this.settings = settings;
    this.env = env;
    this.passwords = new PasswordLookup(settings, env);
  }

  /**
   * The server a resource names in its {@code server} property ({@code {host, port}}: an address
   * that may come from another resource's output), else this one. User, database, TLS mode and
   * password stay the instance's.
   */
  public PgServer at(com.fasterxml.jackson.databind.node.ObjectNode properties) {
    com.fasterxml.jackson.databind.JsonNode at =
        properties == null ? null : properties.get("server");
    if (at == null || !at.isObject()) {
      return this;
    }
    String host = at.path("host").asText(settings.host());
    int port = at.path("port").asInt(settings.port());
    if (host.equals(settings.host()) && port == settings.port()) {
      return this;
    }
    return others.computeIfAbsent(
        host + ":" + port,
        k ->
            new PgServer(
                new ConnectionSettings(
                    host,
                    port,
                    settings.database(),
                    settings.user(),
                    settings.sslmode(),
                    settings.passwordEnv(),
                    settings.passwordFile(),
                    settings.passfile(),
                    settings.connectTimeoutSeconds(),
                    true),
                env));
  }

  public ConnectionSettings settings() {
    return settings;
  }

  /** The instance's own database (roles, databases, and what names no database). */
  public String defaultDatabase() {
    return settings.database();
  }

  /** A new connection to {@code database} (null: the instance's), autocommit on. */
  public Connection connect(String database) throws SQLException {
    String db = database == null ? settings.database() : database;
    Properties p = new Properties();
    p.setProperty("user", settings.user());
    passwords.password(db).ifPresent(pw -> p.setProperty("password", pw));
    p.setProperty("sslmode", settings.sslmode());
    p.setProperty("ApplicationName", "mcp-iac");
    p.setProperty("connectTimeout", String.valueOf(settings.connectTimeoutSeconds()));
    String url =
        "jdbc:postgresql://"
            + hostPart(settings.host())
            + ":"
            + settings.port()
            + "/"
            + java.net.URLEncoder.encode(db, java.nio.charset.StandardCharsets.UTF_8);
    Connection c = DRIVER.connect(url, p);
    if (c == null) {
      throw new SQLException("the PostgreSQL driver does not accept " + url, "08001");
    }
    return c;
  }

  /** Runs {@code work} on a new connection to {@code database}; SQL errors keep their SQLSTATE. */
  public <T> T with(String database, String what, Work<T> work) {
    try (Connection c = connect(database)) {
      return work.run(c);
    } catch (SQLException e) {
      throw new PgError(what, e);
    }
  }

  /**
   * Runs {@code work} in one transaction on a new connection to {@code database}: everything or
   * nothing. A transaction that lost a race on catalog rows ({@link CatalogConflict}) is run again
   * from the start, so {@code work} must read what it needs inside the transaction.
   */
  public <T> T inTransaction(String database, String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = connect(database)) {
        return once(c, work);
      } catch (SQLException e) {
        if (!CatalogConflict.is(e) || attempt > CatalogConflict.RETRIES) {
          throw new PgError(what, e);
        }
      }
      CatalogConflict.pause(attempt);
    }
  }

  private static <T> T once(Connection c, Work<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  private static String hostPart(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** Work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }
}
