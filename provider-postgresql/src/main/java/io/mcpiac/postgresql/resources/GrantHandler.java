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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code postgresql:grant}: exactly {@code privileges} for {@code role} on a database, a schema, or
 * listed (else all) tables, sequences or functions of a schema. Read back from the objects' ACLs,
 * so a privilege revoked on one table or granted by hand shows as the one differing privilege.
 * Writes on the same objects are serialised across sessions and processes by an advisory lock held
 * for the transaction: concurrent GRANTs on one catalog row otherwise fail with {@code tuple
 * concurrently updated}. Only privileges {@code role} was granted directly are managed; PUBLIC's
 * and inherited ones are not this grant's.
 */
public final class GrantHandler implements TypeHandler<PgServer> {
  public static final String TYPE = "postgresql:grant";

  /** What a revoke of something already gone answers: role, schema, table, function. */
  private static final Set<String> GONE = Set.of("42704", "3F000", "42P01", "42883");

  private static final ResourceType DEFINITION =
      new ResourceType(
          TYPE,
          "Privileges of a role on a database, a schema, or tables/sequences/functions of a schema.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["role", "objectType", "privileges"],
                "properties": {
                  "role": {"type": "string", "minLength": 1, "description": "The role that gets the privileges."},
                  "database": {"type": "string", "minLength": 1, "description": "The database (for objectType database: the one granted on); default: the one the instance connects to."},
                  "schema": {"type": "string", "minLength": 1, "description": "The schema granted on (objectType schema), or holding the tables, sequences or functions."},
                  "objectType": {"type": "string", "enum": ["database", "schema", "table", "sequence", "function"]},
                  "objects": {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": true,
                              "description": "Names of the tables, sequences or functions (every overload); absent: all of the schema's that exist when applied (pair with postgresql:default-privileges for later ones)."},
                  "privileges": {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": true,
                                 "description": "e.g. [SELECT, INSERT] or [ALL]; [] revokes everything. Spelled out and sorted in plans."},
                  "server": {"type": "object", "additionalProperties": false,
                             "properties": {"host": {"type": "string", "minLength": 1}, "port": {"type": "integer", "minimum": 1, "maximum": 65535}},
                             "description": "Another server than the instance's (user, database, password stay the instance's): its address may come from another resource's output, e.g. {host: ${db-endpoint.output.host}}. A change re-creates the object there."}
                }
              }
              """),
          Set.of("role", "database", "schema", "objectType", "objects", "server"),
          Set.of(),
          Map.of("id", "role@database/objectType/schema/objects"),
          false);

  private final PgServer server;

  public GrantHandler(PgServer server) {
    this.server = server;
  }

  @Override
  public ResourceType type() {
    return DEFINITION;
  }

  @Override
  public ObjectNode canonical(ObjectNode properties) {
    ObjectNode out = Privileges.canonical(properties);
    if (Props.known(out, "objects")) {
      out = out == properties ? properties.deepCopy() : out;
      out.set("objects", Live.array(Live.sortedList(out.get("objects"))));
    }
    return out;
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode p) {
    Map<String, String> out = new LinkedHashMap<>();
    String type = Props.text(p, "objectType");
    if (type != null && Props.known(p, "objectType")) {
      boolean inSchema = Set.of("table", "sequence", "function").contains(type);
      if ((inSchema || type.equals("schema")) && !p.has("schema")) {
        out.put("schema", "a grant on " + type + " needs the schema");
      }
      if (type.equals("database") && p.has("schema")) {
        out.put("schema", "a grant on a database takes no schema");
      }
      if (!inSchema && p.has("objects")) {
        out.put(
            "objects",
            "objects lists tables, sequences or functions; a "
                + type
                + " grant names its "
                + type
                + " in '"
                + (type.equals("database") ? "database" : "schema")
                + "'");
      }
    }
    String problem = Privileges.problem(p);
    if (problem != null) {
      out.put("privileges", problem);
    }
    return out;
  }

  @Override
  public Map<String, LiveResource> read(PgServer session, List<ReadRequest> requests) {
    return InDatabase.read(
        server,
        "grants",
        requests,
        (c, db, group) -> {
          Map<String, LiveResource> out = new LinkedHashMap<>();
          for (ReadRequest r : group) {
            ObjectNode recorded = r.properties();
            GrantTarget target = GrantTarget.of(recorded, db);
            String role = Props.text(recorded, "role");
            Map<String, Set<String>> held = target.held(c, role);
            boolean holdsAny = held.values().stream().anyMatch(s -> !s.isEmpty());
            if (!held.isEmpty() && !holdsAny) {
              continue; // nothing granted on any object: the grant is gone
            }
            if (held.isEmpty() && !target.inSchema()) {
              continue; // the schema or database itself is gone
            }
            List<String> recordedPrivileges = Props.list(recorded, "privileges");
            ObjectNode p = recorded.deepCopy();
            p.put("database", db);
            p.set("privileges", Live.array(Privileges.reported(recordedPrivileges, held.values())));
            out.put(r.name(), new LiveResource(r.name(), target.id(role), p, Json.object()));
          }
          return out;
        });
  }

  @Override
  public List<LiveResource> importAll(PgServer session) {
    return GrantImport.all(server);
  }

  @Override
  public ChangeResult create(PgServer session, Change change) {
    return write(change, change.desired());
  }

  @Override
  public ChangeResult update(PgServer session, Change change) {
    return write(change, change.desired());
  }

  /**
   * Exactly the desired privileges: everything revoked, the desired granted, in one transaction.
   */
  private ChangeResult write(Change change, ObjectNode p) {
    String db = InDatabase.of(p, server);
    GrantTarget target = GrantTarget.of(p, db);
    String role = Props.text(p, "role");
    List<String> privileges = Props.list(p, "privileges");
    InDatabase.write(
        server,
        p,
        "granting " + privileges + " to " + role,
        false,
        c -> {
          Sql.lockObject(c, target.lockKey());
          String clause = target.clause(c);
          Sql.execute(c, "REVOKE ALL ON " + clause + " FROM " + Sql.ident(role));
          if (!privileges.isEmpty()) {
            Sql.execute(
                c,
                "GRANT "
                    + String.join(", ", privileges)
                    + " ON "
                    + clause
                    + " TO "
                    + Sql.ident(role));
          }
          return null;
        });
    return ChangeResult.ok(change.name(), target.id(role), Json.object());
  }

  @Override
  public ChangeResult delete(PgServer session, Change change) {
    ObjectNode p = change.prior();
    String db = InDatabase.of(p, server);
    GrantTarget target = GrantTarget.of(p, db);
    String role = Props.text(p, "role");
    try {
      InDatabase.write(
          server,
          p,
          "revoking from " + role,
          true,
          c -> {
            Sql.lockObject(c, target.lockKey());
            Sql.execute(c, "REVOKE ALL ON " + target.clause(c) + " FROM " + Sql.ident(role));
            return null;
          });
    } catch (PgError e) {
      if (!GONE.contains(e.sqlState())) {
        throw e;
      }
    }
    return ChangeResult.ok(change.name(), target.id(role), Json.object());
  }
}
