package io.mcpiac.postgresql.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.postgresql.connection.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one {@code postgresql:grant} is about: a database, a schema, or tables, sequences or
 * functions of a schema (listed, or all of them). Knows the catalog query that reads a role's
 * privileges on each object from its ACL ({@code aclexplode}, with {@code acldefault} where the ACL
 * is still the built-in one) and the object clause of GRANT and REVOKE.
 *
 * @param objects the listed objects, or null for all of the schema's
 */
record GrantTarget(String database, String schema, String objectType, List<String> objects) {

  static GrantTarget of(ObjectNode p, String database) {
    List<String> objects = p.has("objects") ? Live.sortedList(p.get("objects")) : null;
    return new GrantTarget(database, Props.text(p, "schema"), Props.text(p, "objectType"), objects);
  }

  /** The natural id of a grant of this target to {@code role}. */
  String id(String role) {
    return role
        + "@"
        + database
        + "/"
        + objectType
        + (schema == null ? "" : "/" + schema)
        + (objects == null ? (inSchema() ? "/*" : "") : "/" + String.join(",", objects));
  }

  boolean inSchema() {
    return objectType.equals("table")
        || objectType.equals("sequence")
        || objectType.equals("function");
  }

  /**
   * The key under which changes of these objects' ACLs are serialised: one schema's tables (the
   * catalog rows a concurrent GRANT would update too), one schema, one database.
   */
  String lockKey() {
    return "acl:" + database + ":" + objectType + ":" + (schema == null ? "" : schema);
  }

  /**
   * The privileges {@code role} holds, per object (a listed object that does not exist holds none);
   * empty when the schema or database is not there.
   */
  Map<String, Set<String>> held(Connection c, String role) throws SQLException {
    String acl;
    String from;
    String where;
    String object;
    switch (objectType) {
      case "database" -> {
        object = "d.datname";
        acl = "coalesce(d.datacl, acldefault('d', d.datdba))";
        from = "pg_database d";
        where = "d.datname = current_database()";
      }
      case "schema" -> {
        object = "s.nspname";
        acl = "coalesce(s.nspacl, acldefault('n', s.nspowner))";
        from = "pg_namespace s";
        where = "s.nspname = " + Sql.literal(schema);
      }
      case "function" -> {
        object = "o.proname";
        acl = "coalesce(o.proacl, acldefault('f', o.proowner))";
        from = "pg_proc o JOIN pg_namespace n ON n.oid = o.pronamespace";
        where = "n.nspname = " + Sql.literal(schema) + " AND o.prokind IN ('f', 'a', 'w')";
      }
      default -> {
        boolean sequence = objectType.equals("sequence");
        object = "o.relname";
        acl = "coalesce(o.relacl, acldefault('" + (sequence ? "s" : "r") + "', o.relowner))";
        from = "pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace";
        where =
            "n.nspname = "
                + Sql.literal(schema)
                + (sequence
                    ? " AND o.relkind = 'S'"
                    : " AND o.relkind IN ('r', 'v', 'm', 'f', 'p')");
      }
    }
    boolean listed = objects != null && inSchema();
    String sql =
        "SELECT "
            + object
            + " AS object, a.privilege_type FROM "
            + from
            + " LEFT JOIN LATERAL (SELECT x.privilege_type FROM aclexplode("
            + acl
            + ") x WHERE x.grantee = (SELECT oid FROM pg_roles WHERE rolname = ?)) a ON true WHERE "
            + where
            + (listed ? " AND " + object + " = ANY(?)" : "");
    Map<String, Set<String>> out = new LinkedHashMap<>();
    if (listed) {
      objects.forEach(o -> out.put(o, new TreeSet<>()));
    }
    Object[] params =
        listed
            ? new Object[] {role, c.createArrayOf("text", objects.toArray())}
            : new Object[] {role};
    Sql.query(
        c,
        sql,
        rs -> {
          Set<String> s = out.computeIfAbsent(rs.getString(1), k -> new TreeSet<>());
          if (rs.getString(2) != null) {
            s.add(rs.getString(2));
          }
          return null;
        },
        params);
    return out;
  }

  /** {@code TABLE "s"."a", "s"."b"}, {@code ALL TABLES IN SCHEMA "s"}, {@code DATABASE "d"}. */
  String clause(Connection c) throws SQLException {
    return switch (objectType) {
      case "database" -> "DATABASE " + Sql.ident(database);
      case "schema" -> "SCHEMA " + Sql.ident(schema);
      case "function" ->
          objects == null
              ? "ALL FUNCTIONS IN SCHEMA " + Sql.ident(schema)
              : "FUNCTION " + signatures(c);
      default -> {
        String word = objectType.equals("sequence") ? "SEQUENCE" : "TABLE";
        if (objects == null) {
          yield "ALL " + word + "S IN SCHEMA " + Sql.ident(schema);
        }
        List<String> names = new ArrayList<>();
        objects.forEach(o -> names.add(Sql.ident(schema) + "." + Sql.ident(o)));
        yield word + " " + String.join(", ", names);
      }
    };
  }

  /** Every overload of the listed functions, as {@code regprocedure} spells it. */
  private String signatures(Connection c) throws SQLException {
    List<String> sigs =
        Sql.query(
            c,
            "SELECT o.oid::regprocedure::text FROM pg_proc o JOIN pg_namespace n ON n.oid ="
                + " o.pronamespace WHERE n.nspname = ? AND o.proname = ANY(?) ORDER BY 1",
            rs -> rs.getString(1),
            schema,
            c.createArrayOf("text", objects.toArray()));
    if (sigs.isEmpty()) {
      throw new SQLException(
          "function " + String.join(", ", objects) + " does not exist in schema " + schema,
          "42883");
    }
    return String.join(", ", sigs);
  }
}
