package io.mcpiac.mysql.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.mysql.client.MysqlConnections;
import io.mcpiac.mysql.client.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mysql:database}: a database (schema) with its default character set and collation. Its id
 * is its name, the server's own key, so a create whose answer was lost is found again by it.
 */
final class DatabaseHandler implements MysqlHandler {
  static final String TYPE = "mysql:database";

  /** The server's own databases: never imported, never managed. */
  static final Set<String> SYSTEM =
      Set.of("mysql", "information_schema", "performance_schema", "sys");

  private static final ResourceType RESOURCE_TYPE =
      new ResourceType(
          TYPE,
          "A MariaDB/MySQL database (schema) with its default character set and collation.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 64,
                           "description": "The database's name (default: the resource name). Changing it replaces the database: its tables are dropped with it."},
                  "charset": {"type": "string", "minLength": 1, "default": "utf8mb4",
                              "description": "Default character set of new tables."},
                  "collation": {"type": "string", "default": "",
                                "description": "Default collation; empty: the character set's default collation."},
                  "forceDrop": {"type": "boolean", "default": false,
                                "description": "On delete, end the sessions using the database first (their transactions would otherwise hold the drop up until lockWaitTimeoutSeconds)."}
                }
              }
              """),
          Set.of("name"),
          Set.of(),
          Map.of("name", "the database's name"),
          false);

  @Override
  public ResourceType type() {
    return RESOURCE_TYPE;
  }

  @Override
  public ObjectNode canonical(ObjectNode properties) {
    return properties;
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    String db = dbName(name, properties);
    if (db != null && SYSTEM.contains(db.toLowerCase(java.util.Locale.ROOT))) {
      return Map.of("name", "'" + db + "' is one of the server's own databases");
    }
    if (db != null && (db.endsWith(" ") || db.contains("/") || db.contains("\\"))) {
      return Map.of("name", "a database name cannot end with a space or hold '/' or '\\'");
    }
    return Map.of();
  }

  @Override
  public String naturalId(String resourceName, ObjectNode desired) {
    return dbName(resourceName, desired);
  }

  private static String dbName(String resourceName, ObjectNode p) {
    String n = Props.text(p, "name");
    return n != null ? n : resourceName;
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = Json.object();
    if (Props.known(desired, "name")) {
      out.set("name", desired.get("name"));
    }
    return out;
  }

  private record Live(String name, String charset, String collation, boolean defaultCollation) {}

  private static Map<String, Live> all(Connection c) throws SQLException {
    Map<String, Live> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT s.SCHEMA_NAME, s.DEFAULT_CHARACTER_SET_NAME, s.DEFAULT_COLLATION_NAME,"
                    + " c.IS_DEFAULT FROM information_schema.SCHEMATA s LEFT JOIN"
                    + " information_schema.COLLATIONS c ON c.COLLATION_NAME ="
                    + " s.DEFAULT_COLLATION_NAME ORDER BY s.SCHEMA_NAME")) {
      while (r.next()) {
        out.put(
            r.getString(1),
            new Live(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                "Yes".equalsIgnoreCase(r.getString(4))));
      }
    }
    return out;
  }

  /** The live object in the recorded shape: the charset's default collation as written. */
  private static ObjectNode properties(Live l, ObjectNode recorded) {
    ObjectNode p = Json.object();
    p.put("name", l.name());
    p.put("charset", l.charset());
    String wrote = Props.text(recorded, "collation");
    p.put(
        "collation",
        l.collation().equalsIgnoreCase(wrote == null ? "" : wrote)
            ? wrote
            : l.defaultCollation() ? "" : l.collation());
    // how to delete is not a property of the database: as recorded
    p.put("forceDrop", Props.bool(recorded, "forceDrop", false));
    return p;
  }

  private static ObjectNode outputs(String name) {
    ObjectNode o = Json.object();
    o.put("name", name);
    return o;
  }

  @Override
  public Map<String, LiveResource> read(MysqlConnections db, List<ReadRequest> requests) {
    Map<String, Live> live = db.with("reading databases", DatabaseHandler::all);
    Map<String, LiveResource> out = new LinkedHashMap<>();
    for (ReadRequest r : requests) {
      // by the id (the name): recorded properties may hold only a digest
      Live l = live.get(r.id());
      if (l == null) {
        l = live.get(dbName(r.name(), r.properties()));
      }
      if (l != null) {
        out.put(
            r.name(),
            new LiveResource(r.name(), l.name(), properties(l, r.properties()), outputs(l.name())));
      }
    }
    return out;
  }

  @Override
  public List<LiveResource> importAll(MysqlConnections db) {
    List<LiveResource> out = new ArrayList<>();
    for (Live l : db.with("reading databases", DatabaseHandler::all).values()) {
      if (!SYSTEM.contains(l.name().toLowerCase(java.util.Locale.ROOT))) {
        out.add(
            new LiveResource(
                ImportNames.of(l.name()), l.name(), properties(l, null), outputs(l.name())));
      }
    }
    return out;
  }

  private static String options(ObjectNode p) {
    String charset = Props.text(p, "charset");
    String collation = Props.text(p, "collation");
    return " CHARACTER SET "
        + Sql.literal(charset == null ? "utf8mb4" : charset)
        + (collation == null || collation.isEmpty() ? "" : " COLLATE " + Sql.literal(collation));
  }

  /**
   * {@code IF NOT EXISTS}, then the options: the same create again (after a lost answer) completes
   * it. A database that already existed under that name is adopted, as an import would.
   */
  @Override
  public ChangeResult create(MysqlConnections db, Change change) {
    String name = dbName(change.name(), change.desired());
    Statements.run(
        db,
        "creating database " + name,
        "CREATE DATABASE IF NOT EXISTS " + Sql.name(name) + options(change.desired()),
        "ALTER DATABASE " + Sql.name(name) + options(change.desired()));
    return ChangeResult.ok(change.name(), name, outputs(name));
  }

  @Override
  public ChangeResult update(MysqlConnections db, Change change) {
    String name = change.id();
    Statements.run(
        db,
        "altering database " + name,
        "ALTER DATABASE " + Sql.name(name) + options(change.desired()));
    return ChangeResult.ok(change.name(), name, outputs(name));
  }

  @Override
  public ChangeResult delete(MysqlConnections db, Change change) {
    String name = change.id();
    boolean force = Props.bool(change.prior(), "forceDrop", false);
    db.with(
        "dropping database " + name,
        c -> {
          if (force) {
            Sessions.kill(c, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ?", name);
          }
          Statements.run(c, "DROP DATABASE IF EXISTS " + Sql.name(name));
          return null;
        });
    return ChangeResult.ok(change.name(), name, Json.object());
  }
}
