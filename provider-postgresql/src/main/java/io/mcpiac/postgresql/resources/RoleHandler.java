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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code postgresql:role}: a role (a user when it may log in) with its password, connection limit
 * and memberships. The password is sent as a SCRAM verifier made here, never in clear; a password
 * changed behind our back is found by checking the configured value against the stored verifier
 * (which needs a superuser connection: only it may read {@code pg_authid}).
 */
public final class RoleHandler implements TypeHandler<PgServer> {
  public static final String TYPE = "postgresql:role";

  private static final ResourceType DEFINITION =
      new ResourceType(
          TYPE,
          "A PostgreSQL role: a user when login is true. Use ${NAME.name} in grants and owners.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 63,
                           "description": "The role's name; default: the resource name. A change renames the role."},
                  "login": {"type": "boolean", "default": false, "description": "Whether the role may log in (a user)."},
                  "password": {"type": "string", "description": "The password (secret: use ${secret.env:VAR} or a sensitive variable); stored on the server as a SCRAM-SHA-256 verifier."},
                  "connectionLimit": {"type": "integer", "minimum": -1, "default": -1, "description": "Concurrent connections allowed; -1: no limit."},
                  "memberOf": {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": true, "default": [],
                               "description": "Roles this role is a member of (inherits their privileges)."},
                  "ownedObjects": {"type": "string", "enum": ["reassign", "drop", "refuse"], "default": "reassign",
                                   "description": "When the role is deleted, what happens to what it owns in every database: reassign to reassignTo, drop it, or refuse the delete. Privileges granted to it are revoked in every case."},
                  "reassignTo": {"type": "string", "minLength": 1, "description": "Who gets the objects of a deleted role (ownedObjects: reassign); default: the user mcp-iac connects as."},
                  "server": {"type": "object", "additionalProperties": false,
                             "properties": {"host": {"type": "string", "minLength": 1}, "port": {"type": "integer", "minimum": 1, "maximum": 65535}},
                             "description": "Another server than the instance's (user, database, password stay the instance's): its address may come from another resource's output, e.g. {host: ${db-endpoint.output.host}}. A change re-creates the object there."}
                }
              }
              """),
          Set.of("server"),
          Set.of("password"),
          Map.of("name", "the role's name"),
          false);

  private final PgServer server;

  /** Verifiers seen by the last read, by role name; never leaves this object. */
  private final Map<String, Optional<String>> verifiers = new ConcurrentHashMap<>();

  public RoleHandler(PgServer server) {
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
    return out;
  }

  @Override
  public Map<String, LiveResource> read(PgServer session, List<ReadRequest> requests) {
    return Live.byName(server, requests, this::query);
  }

  @Override
  public List<LiveResource> importAll(PgServer session) {
    return query(server, null).stream()
        .map(r -> new LiveResource(Live.resourceName(r.id()), r.id(), r.properties(), r.outputs()))
        .toList();
  }

  /** Roles by name (null: every role but the system's and the connecting user). */
  private List<LiveResource> query(PgServer s, List<String> names) {
    return s.with(
        null,
        "reading roles",
        c -> {
          String sql =
              "SELECT r.rolname, r.rolcanlogin, r.rolconnlimit, ARRAY(SELECT g.rolname FROM"
                  + " pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid"
                  + " ORDER BY 1) AS member_of FROM pg_roles r WHERE "
                  + (names == null
                      ? "r.rolname !~ '^pg_' AND r.rolname <> current_user"
                      : "r.rolname = ANY(?)")
                  + " ORDER BY 1";
          Object[] params =
              names == null
                  ? new Object[0]
                  : new Object[] {c.createArrayOf("text", names.toArray())};
          List<LiveResource> out =
              Sql.query(
                  c,
                  sql,
                  rs -> {
                    ObjectNode p = Json.object();
                    String name = rs.getString("rolname");
                    p.put("name", name);
                    p.put("login", rs.getBoolean("rolcanlogin"));
                    p.put("connectionLimit", rs.getInt("rolconnlimit"));
                    p.set("memberOf", Live.array(Live.strings(rs, "member_of")));
                    return new LiveResource(name, name, p, Live.outputs("name", name));
                  },
                  params);
          rememberVerifiers(c, out.stream().map(LiveResource::id).toList());
          return out;
        });
  }

  /** Only a superuser may read pg_authid: without it, password drift cannot be told. */
  private void rememberVerifiers(Connection c, List<String> roles) throws SQLException {
    if (roles.isEmpty() || !superuser(c)) {
      roles.forEach(verifiers::remove);
      return;
    }
    Map<String, Optional<String>> found = new LinkedHashMap<>();
    roles.forEach(r -> found.put(r, Optional.empty()));
    Sql.query(
        c,
        "SELECT rolname, rolpassword FROM pg_authid WHERE rolname = ANY(?)",
        rs -> found.put(rs.getString(1), Optional.ofNullable(rs.getString(2))),
        c.createArrayOf("text", roles.toArray()));
    verifiers.putAll(found);
  }

  private static boolean superuser(Connection c) throws SQLException {
    return Sql.query(
            c, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user", rs -> rs.getBoolean(1))
        .stream()
        .findFirst()
        .orElse(false);
  }

  /**
   * The configured password against the verifier the last read saw: a role whose stored verifier is
   * not one of the configured password (or that has none) has a changed password.
   */
  @Override
  public Set<String> changedSecrets(LiveResource live, ObjectNode configured) {
    String password = Props.text(configured, "password");
    String role = live.id();
    Optional<String> verifier = verifiers.get(role);
    if (password == null || verifier == null) {
      return Set.of();
    }
    boolean same = verifier.isPresent() && PasswordVerifier.matches(verifier.get(), role, password);
    return same ? Set.of() : Set.of("password");
  }

  @Override
  public ChangeResult create(PgServer session, Change change) {
    ObjectNode p = change.desired();
    String name = Live.name(p, change.name());
    server
        .at(p)
        .inTransaction(
            null,
            "creating role " + name,
            c -> {
              // a create whose answer was lost finds its role and makes it what the file says
              boolean exists =
                  !Sql.query(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", rs -> 1, name)
                      .isEmpty();
              Sql.execute(
                  c,
                  (exists ? "ALTER ROLE " : "CREATE ROLE ")
                      + Sql.ident(name)
                      + attributes(p)
                      + passwordClause(p));
              memberships(c, name, exists ? current(c, name) : Set.of(), desiredGroups(p));
              return null;
            });
    return ChangeResult.ok(change.name(), name, Live.outputs("name", name));
  }

  @Override
  public ChangeResult update(PgServer session, Change change) {
    ObjectNode p = change.desired();
    String old = change.id();
    String name = Live.name(p, change.name());
    server
        .at(p)
        .inTransaction(
            null,
            "changing role " + old,
            c -> {
              if (!old.equals(name)) {
                Sql.execute(c, "ALTER ROLE " + Sql.ident(old) + " RENAME TO " + Sql.ident(name));
              }
              Sql.execute(c, "ALTER ROLE " + Sql.ident(name) + attributes(p) + passwordClause(p));
              memberships(c, name, current(c, name), desiredGroups(p));
              return null;
            });
    return ChangeResult.ok(change.name(), name, Live.outputs("name", name));
  }

  private static String attributes(ObjectNode p) {
    return (Props.bool(p, "login", false) ? " LOGIN" : " NOLOGIN")
        + " CONNECTION LIMIT "
        + p.path("connectionLimit").asInt(-1);
  }

  /** The password as a verifier made here: the clear text never reaches the server's log. */
  private static String passwordClause(ObjectNode p) {
    String password = Props.text(p, "password");
    return password == null
        ? " PASSWORD NULL"
        : " PASSWORD " + Sql.literal(PasswordVerifier.scram(password));
  }

  private static Set<String> desiredGroups(ObjectNode p) {
    return new TreeSet<>(Props.list(p, "memberOf"));
  }

  private static Set<String> current(Connection c, String role) throws SQLException {
    return new TreeSet<>(
        Sql.query(
            c,
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                + " JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = ?",
            rs -> rs.getString(1),
            role));
  }

  /** Memberships of one group are serialised: concurrent changes of one catalog row fail. */
  private static void memberships(Connection c, String role, Set<String> now, Set<String> wanted)
      throws SQLException {
    for (String group : wanted) {
      if (!now.contains(group)) {
        Sql.lockObject(c, "role:" + group);
        Sql.execute(c, "GRANT " + Sql.ident(group) + " TO " + Sql.ident(role));
      }
    }
    for (String group : now) {
      if (!wanted.contains(group)) {
        Sql.lockObject(c, "role:" + group);
        Sql.execute(c, "REVOKE " + Sql.ident(group) + " FROM " + Sql.ident(role));
      }
    }
  }

  @Override
  public ChangeResult delete(PgServer session, Change change) {
    String name = change.id();
    ObjectNode p = change.prior() == null ? Json.object() : change.prior();
    String mode = Live.text(p, "ownedObjects", "reassign");
    PgServer server = this.server.at(p);
    boolean exists =
        server.with(
            null,
            "reading role " + name,
            c ->
                !Sql.query(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", rs -> 1, name).isEmpty());
    if (!exists) {
      return ChangeResult.ok(change.name(), name, Json.object());
    }
    if (mode.equals("refuse")) {
      List<String> owned = OwnedObjects.of(server, name);
      if (!owned.isEmpty()) {
        return ChangeResult.failed(
            change.name(),
            "role "
                + name
                + " still owns "
                + String.join(", ", owned)
                + " (ownedObjects: refuse); reassign or drop them, or set ownedObjects");
      }
    }
    String target = Props.text(p, "reassignTo");
    Databases.inEach(
        server,
        db ->
            server.inTransaction(
                db,
                "releasing what role " + name + " owns in database " + db,
                c -> {
                  if (mode.equals("reassign")) {
                    Sql.execute(
                        c,
                        "REASSIGN OWNED BY "
                            + Sql.ident(name)
                            + " TO "
                            + (target == null ? "CURRENT_USER" : Sql.ident(target)));
                  }
                  // revokes its privileges and default privileges, and drops what it still owns
                  Sql.execute(c, "DROP OWNED BY " + Sql.ident(name));
                  return null;
                }));
    server.with(
        null,
        "dropping role " + name,
        c -> {
          Sql.execute(c, "DROP ROLE IF EXISTS " + Sql.ident(name));
          return null;
        });
    return ChangeResult.ok(change.name(), name, Json.object());
  }
}
