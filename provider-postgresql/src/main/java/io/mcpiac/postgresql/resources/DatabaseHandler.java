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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code postgresql:database}. {@code CREATE DATABASE} and {@code DROP DATABASE} cannot run inside
 * a transaction block, so they run on an autocommit connection of their own. A database with open
 * sessions is dropped only with {@code forceDrop} ({@code WITH (FORCE)}, PostgreSQL 13+, which ends
 * them); without it the drop fails with the server's message naming the sessions.
 */
public final class DatabaseHandler implements TypeHandler<PgServer> {
  public static final String TYPE = "postgresql:database";

  private static final ResourceType DEFINITION =
      new ResourceType(
          TYPE,
          "A PostgreSQL database. Other postgresql types take database: ${NAME.name}.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 63,
                           "description": "The database's name; default: the resource name. A change renames it (no session may be connected)."},
                  "owner": {"type": "string", "minLength": 1, "description": "The owning role; default: the user mcp-iac connects as."},
                  "encoding": {"type": "string", "minLength": 1, "default": "UTF8", "description": "Character set (changing it re-creates the database)."},
                  "template": {"type": "string", "minLength": 1, "default": "template0", "description": "The database it is copied from at creation (changing it re-creates the database)."},
                  "forceDrop": {"type": "boolean", "default": false, "description": "When deleted, end the database's open sessions (DROP DATABASE ... WITH (FORCE)) instead of failing."},
                  "server": {"type": "object", "additionalProperties": false,
                             "properties": {"host": {"type": "string", "minLength": 1}, "port": {"type": "integer", "minimum": 1, "maximum": 65535}},
                             "description": "Another server than the instance's (user, database, password stay the instance's): its address may come from another resource's output, e.g. {host: ${db-endpoint.output.host}}. A change re-creates the object there."}
                }
              }
              """),
          Set.of("encoding", "template", "server"),
          Set.of(),
          Map.of("name", "the database's name", "owner", "the owning role"),
          false);

  private final PgServer server;

  public DatabaseHandler(PgServer server) {
    this.server = server;
  }

  @Override
  public ResourceType type() {
    return DEFINITION;
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = prior == null ? Json.object() : prior.deepCopy();
    if (Props.known(desired, "name")) {
      out.put("name", Props.text(desired, "name"));
    }
    if (Props.known(desired, "owner")) {
      out.put("owner", Props.text(desired, "owner"));
    }
    return out;
  }

  /** Encoding names as PostgreSQL spells them: utf-8 is UTF8. */
  @Override
  public ObjectNode canonical(ObjectNode properties) {
    if (Props.known(properties, "encoding")) {
      ObjectNode out = properties.deepCopy();
      out.put(
          "encoding",
          Props.text(properties, "encoding").toUpperCase(Locale.ROOT).replace("-", "").trim());
      return out;
    }
    return properties;
  }

  @Override
  public Map<String, LiveResource> read(PgServer session, List<ReadRequest> requests) {
    Map<String, LiveResource> out = new LinkedHashMap<>();
    Map<String, ObjectNode> asked = new LinkedHashMap<>();
    requests.forEach(r -> asked.put(r.name(), r.properties()));
    Live.byName(server, requests, this::query)
        .forEach(
            (name, l) -> {
              // the template is not recorded by PostgreSQL: what the file said stands
              ObjectNode p = l.properties().deepCopy();
              ObjectNode recorded = asked.get(name);
              if (recorded != null && recorded.has("template")) {
                p.set("template", recorded.get("template"));
              }
              out.put(name, new LiveResource(name, l.id(), p, l.outputs()));
            });
    return out;
  }

  @Override
  public List<LiveResource> importAll(PgServer session) {
    return query(server, null).stream()
        .filter(r -> !r.id().equals(server.defaultDatabase()))
        .map(r -> new LiveResource(Live.resourceName(r.id()), r.id(), r.properties(), r.outputs()))
        .toList();
  }

  private List<LiveResource> query(PgServer s, List<String> names) {
    return s.with(
        null,
        "reading databases",
        c ->
            Sql.query(
                c,
                "SELECT datname, pg_get_userbyid(datdba) AS owner, pg_encoding_to_char(encoding)"
                    + " AS encoding FROM pg_database WHERE NOT datistemplate AND "
                    + (names == null ? "datname <> 'postgres'" : "datname = ANY(?)")
                    + " ORDER BY 1",
                rs -> {
                  String name = rs.getString("datname");
                  ObjectNode p = Json.object();
                  p.put("name", name);
                  p.put("owner", rs.getString("owner"));
                  p.put("encoding", rs.getString("encoding"));
                  return new LiveResource(
                      name, name, p, Live.outputs("name", name, "owner", rs.getString("owner")));
                },
                names == null
                    ? new Object[0]
                    : new Object[] {c.createArrayOf("text", names.toArray())}));
  }

  @Override
  public ChangeResult create(PgServer session, Change change) {
    ObjectNode p = change.desired();
    String name = Live.name(p, change.name());
    String owner =
        server
            .at(p)
            .with(
                null,
                "creating database " + name,
                c -> {
                  // a create whose answer was lost finds its database
                  if (!exists(c, name)) {
                    Sql.execute(
                        c,
                        "CREATE DATABASE "
                            + Sql.ident(name)
                            + (Props.text(p, "owner") == null
                                ? ""
                                : " OWNER " + Sql.ident(Props.text(p, "owner")))
                            + " ENCODING "
                            + Sql.literal(Live.text(p, "encoding", "UTF8"))
                            + " TEMPLATE "
                            + Sql.ident(Live.text(p, "template", "template0")));
                  }
                  return owned(c, name, p);
                });
    return ChangeResult.ok(change.name(), name, Live.outputs("name", name, "owner", owner));
  }

  @Override
  public ChangeResult update(PgServer session, Change change) {
    ObjectNode p = change.desired();
    String old = change.id();
    String name = Live.name(p, change.name());
    String owner =
        server
            .at(p)
            .with(
                null,
                "changing database " + old,
                c -> {
                  if (!old.equals(name)) {
                    Sql.execute(
                        c, "ALTER DATABASE " + Sql.ident(old) + " RENAME TO " + Sql.ident(name));
                  }
                  return owned(c, name, p);
                });
    return ChangeResult.ok(change.name(), name, Live.outputs("name", name, "owner", owner));
  }

  @Override
  public ChangeResult delete(PgServer session, Change change) {
    String name = change.id();
    boolean force = change.prior() != null && Props.bool(change.prior(), "forceDrop", false);
    server
        .at(change.prior())
        .with(
            null,
            "dropping database " + name,
            c -> {
              Sql.execute(
                  c, "DROP DATABASE IF EXISTS " + Sql.ident(name) + (force ? " WITH (FORCE)" : ""));
              return null;
            });
    return ChangeResult.ok(change.name(), name, Json.object());
  }

  private static boolean exists(Connection c, String name) throws SQLException {
    return !Sql.query(c, "SELECT 1 FROM pg_database WHERE datname = ?", rs -> 1, name).isEmpty();
  }

  /** Gives the database the owner the file names (if any); answers its owner. */
  private static String owned(Connection c, String name, ObjectNode p) throws SQLException {
    if (Props.text(p, "owner") != null) {
      Sql.execute(
          c,
          "ALTER DATABASE " + Sql.ident(name) + " OWNER TO " + Sql.ident(Props.text(p, "owner")));
    }
    return ownerOf(c, name);
  }

  private static String ownerOf(Connection c, String name) throws SQLException {
    return Sql.query(
            c,
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?",
            rs -> rs.getString(1),
            name)
        .get(0);
  }
}
