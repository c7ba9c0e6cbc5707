package io.mcpiac.postgresql.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.providers.kit.TypeHandler;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.postgresql.connection.PgError;
import io.mcpiac.postgresql.connection.PgServer;
import io.mcpiac.postgresql.connection.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code postgresql:default-privileges}: the privileges {@code role} gets on objects {@code owner}
 * creates from now on ({@code ALTER DEFAULT PRIVILEGES}), in one schema or the whole database. The
 * pair of a {@code postgresql:grant} on all tables, which covers only the tables that exist when it
 * is applied. Read back from {@code pg_default_acl}.
 */
public final class DefaultPrivilegesHandler implements TypeHandler<PgServer> {
  public static final String TYPE = "postgresql:default-privileges";

  private static final Map<String, String> CATALOG_TYPE =
      Map.of("table", "r", "sequence", "S", "function", "f", "type", "T", "schema", "n");

  private static final ResourceType DEFINITION =
      new ResourceType(
          TYPE,
          "Privileges a role gets on objects another role (owner) creates later.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["role", "owner", "objectType", "privileges"],
                "properties": {
                  "role": {"type": "string", "minLength": 1, "description": "The role that gets the privileges."},
                  "database": {"type": "string", "minLength": 1, "description": "The database; default: the one the instance connects to."},
                  "schema": {"type": "string", "minLength": 1, "description": "Only objects created in this schema; absent: in the whole database."},
                  "owner": {"type": "string", "minLength": 1, "description": "The role whose new objects this applies to (the one that creates them, e.g. the application's owner role)."},
                  "objectType": {"type": "string", "enum": ["table", "sequence", "function", "type", "schema"]},
                  "privileges": {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": true,
                                 "description": "e.g. [SELECT] or [ALL]; spelled out and sorted in plans."},
                  "server": {"type": "object", "additionalProperties": false,
                             "properties": {"host": {"type": "string", "minLength": 1}, "port": {"type": "integer", "minimum": 1, "maximum": 65535}},
                             "description": "Another server than the instance's (user, database, password stay the instance's): its address may come from another resource's output, e.g. {host: ${db-endpoint.output.host}}. A change re-creates the object there."}
                }
              }
              """),
          Set.of("role", "database", "schema", "owner", "objectType", "server"),
          Set.of(),
          Map.of(),
          false);

  private final PgServer server;

  public DefaultPrivilegesHandler(PgServer server) {
    this.server = server;
  }

  @Override
  public ResourceType type() {
    return DEFINITION;
  }

  @Override
  public ObjectNode canonical(ObjectNode properties) {
    return Privileges.canonical(properties);
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode p) {
    Map<String, String> out = new LinkedHashMap<>();
    if ("schema".equals(Props.text(p, "objectType")) && p.has("schema")) {
      out.put(
          "schema", "default privileges on schemas apply to the whole database: leave schema out");
    }
    String problem = Privileges.problem(p);
    if (problem != null) {
      out.put("privileges", problem);
    }
    return out;
  }

  private static String id(ObjectNode p, String db) {
    return Props.text(p, "role")
        + "@"
        + db
        + "/"
        + Props.text(p, "owner")
        + "/"
        + Props.text(p, "objectType")
        + (p.has("schema") ? "/" + Props.text(p, "schema") : "");
  }

  @Override
  public Map<String, LiveResource> read(PgServer session, List<ReadRequest> requests) {
    return InDatabase.read(
        server,
        "default privileges",
        requests,
        (c, db, group) -> {
          Map<String, LiveResource> out = new LinkedHashMap<>();
          for (ReadRequest r : group) {
            List<String> held = held(c, r.properties());
            if (!held.isEmpty()) {
              ObjectNode p = r.properties().deepCopy();
              p.put("database", db);
              p.set("privileges", Live.array(held));
              out.put(r.name(), new LiveResource(r.name(), id(p, db), p, Json.object()));
            }
          }
          return out;
        });
  }

  private static List<String> held(Connection c, ObjectNode p) throws SQLException {
    String schema = Props.text(p, "schema");
    List<Object> params = new ArrayList<>(List.of(Props.text(p, "owner")));
    if (schema != null) {
      params.add(schema);
    }
    params.add(CATALOG_TYPE.get(Props.text(p, "objectType")));
    params.add(Props.text(p, "role"));
    return Sql.query(
        c,
        "SELECT DISTINCT a.privilege_type FROM pg_default_acl d CROSS JOIN LATERAL"
            + " aclexplode(d.defaclacl) a WHERE d.defaclrole = (SELECT oid FROM pg_roles WHERE"
            + " rolname = ?) AND d.defaclnamespace = "
            + (schema == null ? "0" : "(SELECT oid FROM pg_namespace WHERE nspname = ?)")
            + " AND d.defaclobjtype = ?::\"char\" AND a.grantee = (SELECT oid FROM pg_roles WHERE"
            + " rolname = ?) ORDER BY 1",
        rs -> rs.getString(1),
        params.toArray());
  }

  @Override
  public List<LiveResource> importAll(PgServer session) {
    List<LiveResource> out = new ArrayList<>();
    Map<String, String> words = new LinkedHashMap<>();
    CATALOG_TYPE.forEach((word, code) -> words.put(code, word));
    for (String db : Databases.connectable(server)) {
      Map<List<String>, List<String>> found = new LinkedHashMap<>();
      server.with(
          db,
          "reading default privileges in database " + db,
          c ->
              Sql.query(
                  c,
                  "SELECT o.rolname, n.nspname, d.defaclobjtype::text, g.rolname,"
                      + " a.privilege_type FROM pg_default_acl d JOIN pg_roles o ON o.oid ="
                      + " d.defaclrole LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace CROSS"
                      + " JOIN LATERAL aclexplode(d.defaclacl) a JOIN pg_roles g ON g.oid ="
                      + " a.grantee WHERE a.grantee <> d.defaclrole ORDER BY 5",
                  rs ->
                      found
                          .computeIfAbsent(
                              java.util.Arrays.asList(
                                  rs.getString(1),
                                  rs.getString(2),
                                  rs.getString(3),
                                  rs.getString(4)),
                              k -> new ArrayList<>())
                          .add(rs.getString(5))));
      found.forEach(
          (k, privileges) -> {
            ObjectNode p = Json.object();
            p.put("role", k.get(3));
            p.put("database", db);
            if (k.get(1) != null) {
              p.put("schema", k.get(1));
            }
            p.put("owner", k.get(0));
            p.put("objectType", words.get(k.get(2)));
            p.set("privileges", Live.array(privileges));
            String name =
                Live.resourceName(k.get(3) + "-default-" + words.get(k.get(2)) + "-" + k.get(0));
            out.add(new LiveResource(name, id(p, db), p, Json.object()));
          });
    }
    return out;
  }

  @Override
  public ChangeResult create(PgServer session, Change change) {
    return write(change, change.desired(), true);
  }

  @Override
  public ChangeResult update(PgServer session, Change change) {
    return write(change, change.desired(), true);
  }

  @Override
  public ChangeResult delete(PgServer session, Change change) {
    try {
      return write(change, change.prior(), false);
    } catch (PgError e) {
      if ("42704".equals(e.sqlState()) || "3F000".equals(e.sqlState())) {
        return ChangeResult.ok(change.name(), change.id(), Json.object()); // role or schema gone
      }
      throw e;
    }
  }

  /** Revokes everything, then grants the desired privileges ({@code grant}), in one transaction. */
  private ChangeResult write(Change change, ObjectNode p, boolean grant) {
    String db = InDatabase.of(p, server);
    String owner = Props.text(p, "owner");
    String role = Props.text(p, "role");
    String schema = Props.text(p, "schema");
    String on = " ON " + Props.text(p, "objectType").toUpperCase(java.util.Locale.ROOT) + "S ";
    String prefix =
        "ALTER DEFAULT PRIVILEGES FOR ROLE "
            + Sql.ident(owner)
            + (schema == null ? "" : " IN SCHEMA " + Sql.ident(schema));
    List<String> privileges = Props.list(p, "privileges");
    InDatabase.write(
        server,
        p,
        "default privileges of " + role + " on what " + owner + " creates",
        !grant,
        c -> {
          Sql.lockObject(c, "defacl:" + db + ":" + owner);
          Sql.execute(c, prefix + " REVOKE ALL" + on + "FROM " + Sql.ident(role));
          if (grant && !privileges.isEmpty()) {
            Sql.execute(
                c,
                prefix + " GRANT " + String.join(", ", privileges) + on + "TO " + Sql.ident(role));
          }
          return null;
        });
    return ChangeResult.ok(change.name(), id(p, db), Json.object());
  }
}
