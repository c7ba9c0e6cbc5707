package io.mcpiac.postgresql.resources;

import io.mcpiac.postgresql.connection.PgServer;
import io.mcpiac.postgresql.connection.Sql;
import java.util.List;

/** The server's databases that accept connections (templates and the like excluded). */
final class Databases {
  private Databases() {}

  static List<String> connectable(PgServer server) {
    return server.with(
        null,
        "listing databases",
        c ->
            Sql.query(
                c,
                "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate"
                    + " AND has_database_privilege(datname, 'CONNECT') ORDER BY 1",
                rs -> rs.getString(1)));
  }

  /**
   * Whether an error may mean the database went while we worked in it: it does not exist (3D000),
   * or our session was ended because it is being dropped with FORCE (57P01, or, when the server
   * ended it between two statements, the driver's "connection has been closed": class 08).
   */
  static boolean gone(io.mcpiac.postgresql.connection.PgError e) {
    String state = e.sqlState();
    return "3D000".equals(state)
        || "57P01".equals(state)
        || (state != null && state.startsWith("08"));
  }

  static boolean exists(PgServer server, String database) {
    return server.with(
        null,
        "looking for database " + database,
        c ->
            !Sql.query(c, "SELECT 1 FROM pg_database WHERE datname = ?", rs -> 1, database)
                .isEmpty());
  }

  /**
   * Runs {@code work} in every connectable database; a database dropped while this runs (a drop
   * WITH (FORCE) of the same apply ends our session first, then removes the database) is skipped,
   * after waiting a moment for the drop to finish.
   */
  static void inEach(PgServer server, java.util.function.Consumer<String> work) {
    for (String db : connectable(server)) {
      for (int attempt = 1; ; attempt++) {
        try {
          work.accept(db);
          break;
        } catch (io.mcpiac.postgresql.connection.PgError e) {
          if (!gone(e) || attempt == 5) {
            throw e;
          }
          pause(200L * attempt);
          if (!exists(server, db)) {
            break;
          }
        }
      }
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
