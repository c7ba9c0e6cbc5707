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
}
