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
 * {@code postgresql:extension}: an extension installed in a database, in a schema. A schema change
 * moves it ({@code ALTER EXTENSION ... SET SCHEMA}, for relocatable extensions).
 */
public final class ExtensionHandler implements TypeHandler<PgServer> {
  public static final String TYPE = "postgresql:extension";

  private static final ResourceType DEFINITION =
      new ResourceType(
          TYPE,
          "An extension (pgcrypto, hstore, ...) installed in a PostgreSQL database.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "database": {"type": "string", "minLength": 1, "description": "The database; default: the one the instance connects to."},
                  "name": {"type": "string", "minLength": 1, "description": "The extension; default: the resource name."},
                  "schema": {"type": "string", "minLength": 1, "description": "The schema its objects go to; default: the first of the search path (usually public)."},
                  "dropCascade": {"type": "boolean", "default": false, "description": "When deleted, drop what uses it too (a column of its type) instead of failing."},
                  "server": {"type": "object", "additionalProperties": false,
                             "properties": {"host": {"type": "string", "minLength": 1}, "port": {"type": "integer", "minimum": 1, "maximum": 65535}},
                             "description": "Another server than the instance's (user, database, password stay the instance's): its address may come from another resource's output, e.g. {host: ${db-endpoint.output.host}}. A change re-creates the object there."}
                }
              }
              """),
          Set.of("database", "name", "server"),
          Set.of(),
          Map.of(
              "name", "the extension", "version", "the installed version", "schema", "its schema"),
          false);

  private final PgServer server;

  public ExtensionHandler(PgServer server) {
    this.server = server;
  }

  @Override
  public ResourceType type() {
    return DEFINITION;
  }

  @Override
  public Map<String, LiveResource> read(PgServer session, List<ReadRequest> requests) {
    return InDatabase.read(
        server,
        "extensions",
        requests,
        (c, db, group) -> {
          Map<String, LiveResource> found = new LinkedHashMap<>();
          for (LiveResource l : query(c, db)) {
            found.put(Props.text(l.properties(), "name"), l);
          }
          return Live.answer(found, group);
        });
  }

  @Override
  public List<LiveResource> importAll(PgServer session) {
    List<LiveResource> out = new ArrayList<>();
    for (String db : Databases.connectable(server)) {
      for (LiveResource l :
          server.with(db, "reading extensions in database " + db, c -> query(c, db))) {
        if (!Props.text(l.properties(), "name").equals("plpgsql")) {
          out.add(new LiveResource(Live.resourceName(l.id()), l.id(), l.properties(), l.outputs()));
        }
      }
    }
    return out;
  }

  private static List<LiveResource> query(Connection c, String db) throws SQLException {
    return Sql.query(
        c,
        "SELECT e.extname, n.nspname, e.extversion FROM pg_extension e JOIN pg_namespace n"
            + " ON n.oid = e.extnamespace ORDER BY 1",
        rs -> {
          String name = rs.getString(1);
          ObjectNode p = Json.object();
          p.put("database", db);
          p.put("name", name);
          p.put("schema", rs.getString(2));
          return new LiveResource(
              name,
              db + "/" + name,
              p,
              Live.outputs("name", name, "version", rs.getString(3), "schema", rs.getString(2)));
        });
  }

  @Override
  public ChangeResult create(PgServer session, Change change) {
    return install(change, "installing");
  }

  @Override
  public ChangeResult update(PgServer session, Change change) {
    return install(change, "moving");
  }

  /** Installs the extension, or moves it where it already is installed elsewhere. */
  private ChangeResult install(Change change, String verb) {
    ObjectNode p = change.desired();
    String db = InDatabase.of(p, server);
    String name = Live.name(p, change.name());
    String schema = Props.text(p, "schema");
    List<LiveResource> now = new ArrayList<>();
    InDatabase.write(
        server,
        p,
        verb + " extension " + name + " in database " + db,
        false,
        c -> {
          Sql.execute(
              c,
              "CREATE EXTENSION IF NOT EXISTS "
                  + Sql.ident(name)
                  + (schema == null ? "" : " SCHEMA " + Sql.ident(schema)));
          LiveResource l = find(c, db, name);
          if (schema != null && !schema.equals(Props.text(l.properties(), "schema"))) {
            Sql.execute(
                c, "ALTER EXTENSION " + Sql.ident(name) + " SET SCHEMA " + Sql.ident(schema));
            l = find(c, db, name);
          }
          now.add(l);
          return null;
        });
    return ChangeResult.ok(change.name(), db + "/" + name, now.get(0).outputs());
  }

  private static LiveResource find(Connection c, String db, String name) throws SQLException {
    return query(c, db).stream()
        .filter(l -> name.equals(Props.text(l.properties(), "name")))
        .findFirst()
        .orElseThrow(() -> new SQLException("extension " + name + " is not installed", "42704"));
  }

  @Override
  public ChangeResult delete(PgServer session, Change change) {
    ObjectNode p = change.prior() == null ? Json.object() : change.prior();
    String db = InDatabase.of(p, server);
    String name = Live.name(p, change.name());
    boolean cascade = Props.bool(p, "dropCascade", false);
    InDatabase.write(
        server,
        p,
        "dropping extension " + name + " in database " + db,
        true,
        c -> {
          Sql.execute(
              c, "DROP EXTENSION IF EXISTS " + Sql.ident(name) + (cascade ? " CASCADE" : ""));
          return null;
        });
    return ChangeResult.ok(change.name(), db + "/" + name, Json.object());
  }
}
