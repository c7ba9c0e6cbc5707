package io.mcpiac.mysql.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.mysql.client.Keys;
import io.mcpiac.mysql.client.MysqlConnections;
import io.mcpiac.mysql.client.ServerFlavour;
import io.mcpiac.mysql.client.Sql;
import io.mcpiac.mysql.resources.ShowGrants.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code mysql:grant}: the privileges one account holds at one level (everything, a database, a
 * table). The resource owns that level of that account: it is read back from {@code SHOW GRANTS},
 * so a privilege added or revoked on the server is drift, and an update grants and revokes exactly
 * the privileges that differ (never a revoke-all and grant-again, which would leave the account
 * without access in between).
 */
final class GrantHandler implements MysqlHandler {
  static final String TYPE = "mysql:grant";

  /** Revoking what is not there: 1141/1147 no such grant, 1133/1269 no such account. */
  private static final Set<Integer> NOTHING_TO_REVOKE = Set.of(1141, 1147, 1133, 1269);

  private static final ResourceType RESOURCE_TYPE =
      new ResourceType(
          TYPE,
          "The privileges of one MariaDB/MySQL account at one level: everything (*.*), a database"
              + " or a table.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["user", "privileges"],
                "properties": {
                  "user": {"type": "string", "minLength": 1, "maxLength": 80, "examples": ["${app-user.user}"],
                           "description": "The account's user name, usually ${USER_RESOURCE.user}."},
                  "host": {"type": "string", "minLength": 1, "default": "%",
                           "description": "The account's host part, usually ${USER_RESOURCE.host}."},
                  "database": {"type": "string", "minLength": 1, "default": "*",
                               "description": "The database, usually ${DATABASE_RESOURCE.name}; '*': every database (global privileges). Written as is: '_' and '%' are wildcards in database grants, as in SQL."},
                  "table": {"type": "string", "minLength": 1, "default": "*",
                            "description": "A table of the database; '*': all of its tables."},
                  "privileges": {"type": "array", "minItems": 1, "uniqueItems": true, "examples": [["SELECT", "INSERT"]],
                                 "items": {"type": "string", "minLength": 1},
                                 "description": "SELECT, INSERT, UPDATE, DELETE, CREATE, ... or ALL (ALL PRIVILEGES). Upper or lower case; kept sorted."},
                  "grantOption": {"type": "boolean", "default": false,
                                  "description": "Whether the account may grant these privileges to others (WITH GRANT OPTION)."}
                }
              }
              """),
          Set.of("user", "host", "database", "table"),
          Set.of(),
          Map.of("account", "the account as SQL writes it", "on", "the level: *.*, `db`.*"),
          false);

  @Override
  public ResourceType type() {
    return RESOURCE_TYPE;
  }

  private record Target(String user, String host, String database, String table) {
    static Target of(ObjectNode p) {
      return new Target(
          Props.text(p, "user"),
          UserHandler.host(p),
          or(Props.text(p, "database"), "*"),
          or(Props.text(p, "table"), "*"));
    }

    String account() {
      return Sql.account(user, host);
    }

    String level() {
      return Sql.level(database, table);
    }

    String id() {
      return account() + " ON " + level();
    }

    /** By the object's id; by the recorded properties only where the id is not a grant's. */
    static Target of(String id, ObjectNode recorded) {
      return Keys.grant(id)
          .map(g -> new Target(g.account().user(), g.account().host(), g.database(), g.table()))
          .orElseGet(() -> of(recorded));
    }
  }

  private static String or(String v, String dflt) {
    return v == null ? dflt : v;
  }

  @Override
  public String naturalId(String resourceName, ObjectNode desired) {
    return Target.of(desired).id();
  }

  /** Privileges in the server's words ({@code ALL} is {@code ALL PRIVILEGES}), sorted. */
  @Override
  public ObjectNode canonical(ObjectNode properties) {
    JsonNode privileges = properties.get("privileges");
    if (privileges == null || !privileges.isArray() || Values.containsUnknown(privileges)) {
      return properties;
    }
    Set<String> sorted = new TreeSet<>();
    privileges.forEach(p -> sorted.add(Sql.privilege(p.asText())));
    ObjectNode out = properties.deepCopy();
    out.set("privileges", array(sorted));
    return out;
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    Map<String, String> problems = new LinkedHashMap<>();
    // as canonical() will write them: validation may see them as the file wrote them
    List<String> privileges =
        Props.list(properties, "privileges").stream().map(Sql::privilege).toList();
    if (privileges.contains("ALL PRIVILEGES") && privileges.size() > 1) {
      problems.put("privileges", "ALL PRIVILEGES already holds the others: list one or the other");
    }
    if (privileges.contains("USAGE")) {
      problems.put("privileges", "USAGE is no privilege: leave it out");
    }
    if (privileges.contains("GRANT OPTION")) {
      problems.put("privileges", "GRANT OPTION is set with grantOption: true");
    }
    if (Props.known(properties, "database")
        && Props.known(properties, "table")
        && "*".equals(Props.text(properties, "database"))
        && !"*".equals(Props.text(properties, "table"))) {
      problems.put("table", "a table needs its database: set database");
    }
    return problems;
  }

  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    ObjectNode out = Json.object();
    if (Props.known(desired, "user")
        && (!desired.has("host") || Props.known(desired, "host"))
        && (!desired.has("database") || Props.known(desired, "database"))
        && (!desired.has("table") || Props.known(desired, "table"))) {
      Target t = Target.of(desired);
      out.put("account", t.account());
      out.put("on", t.level());
    }
    return out;
  }

  private static ArrayNode array(Set<String> values) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  private static ObjectNode outputs(Target t) {
    ObjectNode o = Json.object();
    o.put("account", t.account());
    o.put("on", t.level());
    return o;
  }

  private static LiveResource live(String name, Target t, Level l) {
    ObjectNode p = Json.object();
    p.put("user", t.user());
    p.put("host", t.host());
    p.put("database", t.database());
    p.put("table", t.table());
    p.set("privileges", array(l.privileges()));
    p.put("grantOption", l.grantOption());
    return new LiveResource(name, t.id(), p, outputs(t));
  }

  /** One {@code SHOW GRANTS} per account of the requests, on one connection. */
  @Override
  public Map<String, LiveResource> read(MysqlConnections db, List<ReadRequest> requests) {
    return db.with(
        "reading grants",
        c -> {
          Map<String, Map<String, Level>> byAccount = new LinkedHashMap<>();
          Map<String, LiveResource> out = new LinkedHashMap<>();
          for (ReadRequest r : requests) {
            Target t = Target.of(r.id(), r.properties());
            Map<String, Level> levels = byAccount.get(t.account());
            if (levels == null) {
              levels = ShowGrants.of(c, t.user(), t.host());
              byAccount.put(t.account(), levels);
            }
            Level l = levels.get(ShowGrants.key(t.database(), t.table()));
            if (l != null && !l.empty()) {
              out.put(r.name(), live(r.name(), t, l));
            }
          }
          return out;
        });
  }

  @Override
  public List<LiveResource> importAll(MysqlConnections db) {
    ServerFlavour server = db.flavour();
    return db.with(
        "reading grants",
        c -> {
          List<LiveResource> out = new ArrayList<>();
          for (Accounts.Account a : Accounts.all(c, server)) {
            if (Accounts.SYSTEM_USERS.contains(a.user())) {
              continue;
            }
            for (Level l : ShowGrants.of(c, a.user(), a.host()).values()) {
              if (!l.empty()) {
                Target t = new Target(a.user(), a.host(), l.database(), l.table());
                String on = "*".equals(l.database()) ? "all" : l.database();
                String name =
                    "*".equals(l.table())
                        ? ImportNames.of(a.user(), "on", on)
                        : ImportNames.of(a.user(), "on", on, l.table());
                out.add(live(name, t, l));
              }
            }
          }
          return out;
        });
  }

  @Override
  public ChangeResult create(MysqlConnections db, Change change) {
    Target t = Target.of(change.desired());
    db.with(
        "granting on " + t.level() + " to " + t.account(),
        c -> {
          converge(c, t, Map.of(), change.desired());
          return null;
        });
    return ChangeResult.ok(change.name(), t.id(), outputs(t));
  }

  /** Against what the account holds now, not what state recorded: the server is the truth. */
  @Override
  public ChangeResult update(MysqlConnections db, Change change) {
    Target t = Target.of(change.desired());
    db.with(
        "changing grants on " + t.level() + " of " + t.account(),
        c -> {
          converge(c, t, ShowGrants.of(c, t.user(), t.host()), change.desired());
          return null;
        });
    return ChangeResult.ok(change.name(), t.id(), outputs(t));
  }

  /** Grants what is missing, then revokes what is too much. */
  private static void converge(Connection c, Target t, Map<String, Level> now, ObjectNode desired)
      throws SQLException {
    Level current = now.get(ShowGrants.key(t.database(), t.table()));
    Set<String> have = current == null ? Set.of() : current.privileges();
    boolean hadOption = current != null && current.grantOption();
    Set<String> want = new TreeSet<>();
    Props.list(desired, "privileges").forEach(p -> want.add(Sql.privilege(p)));
    boolean wantOption = Props.bool(desired, "grantOption", false);

    Set<String> grant = new TreeSet<>(want);
    grant.removeAll(have);
    Set<String> revoke = new TreeSet<>(have);
    revoke.removeAll(want);
    if (have.contains("ALL PRIVILEGES") && !want.contains("ALL PRIVILEGES")) {
      // from everything to a list: revoke everything, then grant the list
      Statements.run(c, "REVOKE ALL PRIVILEGES ON " + t.level() + " FROM " + t.account());
      grant = want;
      revoke = Set.of();
    }
    if (!grant.isEmpty() || (wantOption && !hadOption)) {
      Set<String> privileges = grant.isEmpty() ? want : grant;
      Statements.run(
          c,
          "GRANT "
              + String.join(", ", privileges)
              + " ON "
              + t.level()
              + " TO "
              + t.account()
              + (wantOption ? " WITH GRANT OPTION" : ""));
    }
    if (!revoke.isEmpty() && !want.contains("ALL PRIVILEGES")) {
      Statements.run(
          c, "REVOKE " + String.join(", ", revoke) + " ON " + t.level() + " FROM " + t.account());
    }
    if (hadOption && !wantOption) {
      Statements.run(c, "REVOKE GRANT OPTION ON " + t.level() + " FROM " + t.account());
    }
  }

  /** Revokes everything the account holds at the level; an account already gone is done. */
  @Override
  public ChangeResult delete(MysqlConnections db, Change change) {
    Target t = Target.of(change.id(), change.prior());
    db.with(
        "revoking on " + t.level() + " from " + t.account(),
        c -> {
          Statements.runIgnoring(
              c,
              "REVOKE ALL PRIVILEGES ON " + t.level() + " FROM " + t.account(),
              NOTHING_TO_REVOKE);
          Statements.runIgnoring(
              c, "REVOKE GRANT OPTION ON " + t.level() + " FROM " + t.account(), NOTHING_TO_REVOKE);
          return null;
        });
    return ChangeResult.ok(change.name(), t.id(), Json.object());
  }
}
