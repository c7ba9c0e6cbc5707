package io.mcpiac.postgresql.resources;

import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.postgresql.connection.PgError;
import io.mcpiac.postgresql.connection.PgServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of objects that live inside a database (schemas, extensions, grants): the requests grouped
 * by database, one connection per database; objects of a database that no longer exists are gone.
 */
final class InDatabase {
  /** SQLSTATE invalid_catalog_name: the database does not exist. */
  static final String NO_DATABASE = "3D000";

  private InDatabase() {}

  /** The database a resource names, else the instance's own. */
  static String of(com.fasterxml.jackson.databind.node.ObjectNode props, PgServer server) {
    String db = Props.text(props, "database");
    return db != null ? db : server.defaultDatabase();
  }

  /** Reads one database's requests on one connection; answers the found ones by resource name. */
  @FunctionalInterface
  interface DatabaseRead {
    Map<String, LiveResource> read(Connection c, String database, List<ReadRequest> requests)
        throws SQLException;
  }

  static Map<String, LiveResource> read(
      PgServer server, String what, List<ReadRequest> requests, DatabaseRead read) {
    Map<Map.Entry<PgServer, String>, List<ReadRequest>> byDatabase = new LinkedHashMap<>();
    for (ReadRequest r : requests) {
      PgServer at = server.at(r.properties());
      byDatabase
          .computeIfAbsent(Map.entry(at, of(r.properties(), at)), k -> new ArrayList<>())
          .add(r);
    }
    Map<String, LiveResource> out = new LinkedHashMap<>();
    byDatabase.forEach(
        (key, group) -> {
          String db = key.getValue();
          try {
            out.putAll(
                key.getKey()
                    .with(
                        db,
                        "reading " + what + " in database " + db,
                        c -> read.read(c, db, group)));
          } catch (PgError e) {
            if (!NO_DATABASE.equals(e.sqlState())) {
              throw e;
            }
          }
        });
    return out;
  }

  /**
   * Runs {@code work} in a transaction in {@code database}; a database that does not exist counts
   * as done when {@code goneIsDone} (a delete of something whose database went first).
   */
  static void write(
      PgServer server,
      com.fasterxml.jackson.databind.node.ObjectNode props,
      String what,
      boolean goneIsDone,
      PgServer.Work<?> work) {
    PgServer at = server.at(props);
    try {
      at.inTransaction(of(props, at), what, work);
    } catch (PgError e) {
      if (!(goneIsDone && NO_DATABASE.equals(e.sqlState()))) {
        throw e;
      }
    }
  }
}
