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

/** {@code postgresql:schema}: a schema in a database, with its owner. */
public final class SchemaHandler implements TypeHandler<PgServer> {
  public static final String TYPE = "postgresql:schema";

  private static final ResourceType DEFINITION =
      new ResourceType(
          TYPE,
          "A schema in a PostgreSQL database.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "database": {"type": "string", "minLength": 1, "description": "The database; default: the one the instance connects to. A change re-creates the schema there."},
                  "name": {"type": "string", "minLength": 1, "maxLength": 63, "description": "The schema's name; default: the resource name. A change renames it."},
                  "owner": {"type": "string", "minLength": 1, "description": "The owning role; default: the user mcp-iac connects as."},
                  "dropCascade": {"type": "boolean", "default": false, "description": "When deleted, drop what the schema still holds (CASCADE) instead of failing."},
                  "server": {"type": "object", "additionalProperties": false,
                             "properties": {"host": {"type": "string", "minLength": 1}, "port": {"type": "integer", "minimum": 1, "maximum": 65535}},
                             "description": "Another server than the instance's (user, database, password stay the instance's): its address may come from another resource's output, e.g. {host: ${db-endpoint.output.host}}. A change re-creates the object there."}
                }
              }
              """),
          Set.of("database", "server"),
          Set.of(),
          Map.of("name", "the schema's name", "database", "its database"),
          false);

  private final PgServer server;

  public SchemaHandler(PgServer server) {
    this.server = server;
  }

  @Override
  public ResourceType type() {
    return DEFINITION;
  }

  static String id(String database, String schema) {
    return database + "/" + schema;
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    if (Props.known(desired, "name")) {
      out.put("name", Props.text(desired, "name"));
    }
    if (Props.known(desired, "database")) {
      out.put("database", Props.text(desired, "database"));
    }
    return out;
  }

  @Override
  public Map<String, LiveResource> read(PgServer session, List<ReadRequest> requests) {
    return InDatabase.read(
        server,
        "schemas",
        requests,
        (c, db, group) -> {
          Map<String, LiveResource> found = new LinkedHashMap<>();
          for (LiveResource l : query(c, db, group.stream().map(Live::name).toList())) {
            found.put(Props.text(l.properties(), "name"), l);
          }
          return Live.answer(found, group);
        });
  }

  @Override
  public List<LiveResource> importAll(PgServer session) {
    List<LiveResource> out = new ArrayList<>();
    for (String db : Databases.connectable(server)) {
      out.addAll(
          server.with(
              db,
              "reading schemas in database " + db,
              c ->
                  query(c, db, null).stream()
                      .map(
                          l ->
                              new LiveResource(
                                  Live.resourceName(l.id()), l.id(), l.properties(), l.outputs()))
                      .toList()));
    }
    return out;
  }

  private static List<LiveResource> query(Connection c, String db, List<String> names)
      throws SQLException {
    return Sql.query(
        c,
        "SELECT nspname, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE "
            + (names == null
                ? "nspname !~ '^pg_' AND nspname <> 'information_schema'"
                : "nspname = ANY(?)")
            + " ORDER BY 1",
        rs -> {
          String name = rs.getString("nspname");
          ObjectNode p = Json.object();
          p.put("database", db);
          p.put("name", name);
          p.put("owner", rs.getString("owner"));
          return new LiveResource(
              name, id(db, name), p, Live.outputs("name", name, "database", db));
        },
        names == null ? new Object[0] : new Object[] {c.createArrayOf("text", names.toArray())});
  }

  @Override
  public ChangeResult create(PgServer session, Change change) {
    ObjectNode p = change.desired();
    String db = InDatabase.of(p, server);
    String name = Live.name(p, change.name());
    String owner = Props.text(p, "owner");
    InDatabase.write(
        server,
        p,
        "creating schema " + name + " in database " + db,
        false,
        c -> {
          Sql.execute(
              c,
              "CREATE SCHEMA IF NOT EXISTS "
                  + Sql.ident(name)
                  + (owner == null ? "" : " AUTHORIZATION " + Sql.ident(owner)));
          if (owner != null) {
            // it may have been there already (a create whose answer was lost)
            Sql.execute(c, "ALTER SCHEMA " + Sql.ident(name) + " OWNER TO " + Sql.ident(owner));
          }
          return null;
        });
    return ChangeResult.ok(change.name(), id(db, name), Live.outputs("name", name, "database", db));
  }

  @Override
  public ChangeResult update(PgServer session, Change change) {
    ObjectNode p = change.desired();
    String db = InDatabase.of(p, server);
    String old = Live.name(change.prior(), change.name());
    String name = Live.name(p, change.name());
    String owner = Props.text(p, "owner");
    InDatabase.write(
        server,
        p,
        "changing schema " + old + " in database " + db,
        false,
        c -> {
          if (!old.equals(name)) {
            Sql.execute(c, "ALTER SCHEMA " + Sql.ident(old) + " RENAME TO " + Sql.ident(name));
          }
          if (owner != null) {
            Sql.execute(c, "ALTER SCHEMA " + Sql.ident(name) + " OWNER TO " + Sql.ident(owner));
          }
          return null;
        });
    return ChangeResult.ok(change.name(), id(db, name), Live.outputs("name", name, "database", db));
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
        "dropping schema " + name + " in database " + db,
        true,
        c -> {
          Sql.execute(c, "DROP SCHEMA IF EXISTS " + Sql.ident(name) + (cascade ? " CASCADE" : ""));
          return null;
        });
    return ChangeResult.ok(change.name(), id(db, name), Json.object());
  }
}
