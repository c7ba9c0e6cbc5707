package io.mcpiac.postgresql.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.postgresql.connection.PgServer;
import io.mcpiac.postgresql.connection.Sql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every privilege granted explicitly to a role (not PUBLIC, not the owner's own) in every
 * connectable database, adopted as one {@code postgresql:grant} per role and object.
 */
final class GrantImport {
  private static final String OUTSIDE_SYSTEM =
      " AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'";

  private static final String SQL =
      "SELECT 'database', NULL, NULL, r.rolname, a.privilege_type FROM pg_database d CROSS JOIN"
          + " LATERAL aclexplode(d.datacl) a JOIN pg_roles r ON r.oid = a.grantee WHERE d.datname ="
          + " current_database() AND a.grantee <> d.datdba"
          + " UNION ALL SELECT 'schema', n.nspname, NULL, r.rolname, a.privilege_type FROM"
          + " pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) a JOIN pg_roles r ON r.oid ="
          + " a.grantee WHERE a.grantee <> n.nspowner"
          + OUTSIDE_SYSTEM
          + " UNION ALL SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END,"
          + " n.nspname, c.relname, r.rolname, a.privilege_type FROM pg_class c JOIN pg_namespace n"
          + " ON n.oid = c.relnamespace CROSS JOIN LATERAL aclexplode(c.relacl) a JOIN pg_roles r"
          + " ON r.oid = a.grantee WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p', 'S') AND a.grantee"
          + " <> c.relowner"
          + OUTSIDE_SYSTEM
          + " UNION ALL SELECT 'function', n.nspname, p.proname, r.rolname, a.privilege_type FROM"
          + " pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace CROSS JOIN LATERAL"
          + " aclexplode(p.proacl) a JOIN pg_roles r ON r.oid = a.grantee WHERE a.grantee <>"
          + " p.proowner"
          + OUTSIDE_SYSTEM;

  private GrantImport() {}

  static List<LiveResource> all(PgServer server) {
    List<LiveResource> out = new ArrayList<>();
    for (String db : Databases.connectable(server)) {
      Map<List<String>, Set<String>> grants = new LinkedHashMap<>();
      server.with(
          db,
          "reading grants in database " + db,
          c ->
              Sql.query(
                  c,
                  SQL,
                  rs -> {
                    List<String> key = new ArrayList<>();
                    for (int i = 1; i <= 4; i++) {
                      key.add(rs.getString(i));
                    }
                    return grants.computeIfAbsent(key, k -> new TreeSet<>()).add(rs.getString(5));
                  }));
      grants.forEach((key, privileges) -> out.add(live(db, key, privileges)));
    }
    return out;
  }

  private static LiveResource live(String db, List<String> key, Set<String> privileges) {
    String objectType = key.get(0);
    String schema = key.get(1);
    String object = key.get(2);
    String role = key.get(3);
    ObjectNode p = Json.object();
    p.put("role", role);
    p.put("database", db);
    if (schema != null) {
      p.put("schema", schema);
    }
    p.put("objectType", objectType);
    if (object != null) {
      p.set("objects", Live.array(List.of(object)));
    }
    p.set("privileges", Live.array(privileges));
    GrantTarget target =
        new GrantTarget(db, schema, objectType, object == null ? null : List.of(object));
    String name =
        Live.resourceName(
            role
                + "-"
                + objectType
                + "-"
                + (object != null ? object : schema != null ? schema : db));
    return new LiveResource(name, target.id(role), p, Json.object());
  }
}
