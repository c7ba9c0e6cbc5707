package io.mcpiac.postgresql.resources;

import io.mcpiac.postgresql.connection.PgServer;
import io.mcpiac.postgresql.connection.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * What a role owns, in words: databases (shared) and, in every connectable database, the objects
 * whose owner it is ({@code pg_shdepend}, dependency type {@code o}).
 */
final class OwnedObjects {
  private OwnedObjects() {}

  static List<String> of(PgServer server, String role) {
    List<String> out = new ArrayList<>();
    Databases.inEach(
        server,
        db ->
            out.addAll(
                server.with(
                    db,
                    "reading what role " + role + " owns",
                    c ->
                        Sql.query(
                            c,
                            "SELECT pg_describe_object(d.classid, d.objid, d.objsubid) FROM"
                                + " pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid WHERE"
                                + " r.rolname = ? AND d.deptype = 'o' AND (d.dbid = 0 OR d.dbid ="
                                + " (SELECT oid FROM pg_database WHERE datname ="
                                + " current_database())) ORDER BY 1",
                            rs -> rs.getString(1) + " (database " + db + ")",
                            role))));
    return out.stream().distinct().toList();
  }
}
