package io.mcpiac.mysql.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.kit.Props;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.mysql.auth.AuthStrings;
import io.mcpiac.mysql.client.Keys;
import io.mcpiac.mysql.client.MysqlConnections;
import io.mcpiac.mysql.client.ServerFlavour;
import io.mcpiac.mysql.client.Sql;
import io.mcpiac.mysql.resources.Accounts.Account;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mysql:user}: an account, {@code 'user'@'host'}. The password is a secret: sent as the hash
 * the server keeps (computed here, so the clear password is in no statement and no server log),
 * never read back, never stored; whether the account still has it is checked against the live
 * authentication string ({@link #holdsSecret}), so a password changed behind mcp-iac's back is
 * drift.
 */
final class UserHandler implements MysqlHandler {
  static final String TYPE = "mysql:user";

  private static final ResourceType RESOURCE_TYPE =
      new ResourceType(
          TYPE,
          "A MariaDB/MySQL account ('user'@'host') with its password (a secret), connection limit"
              + " and lock.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "user": {"type": "string", "minLength": 1, "maxLength": 80,
                           "description": "The user name (default: the resource name). Changing it replaces the account."},
                  "host": {"type": "string", "minLength": 1, "maxLength": 255, "default": "%",
                           "description": "Where the account may connect from: a host name, an address, a pattern ('10.0.%'), or '%' for anywhere. Changing it replaces the account."},
                  "password": {"type": "string", "minLength": 1,
                               "description": "The password (secret: use ${secret.env:NAME} or ${secret.file:PATH}). Never stored; a change made on the server is drift."},
                  "authPlugin": {"type": "string", "enum": ["mysql_native_password", "ed25519"],
                                 "default": "mysql_native_password",
                                 "description": "How the server checks the password. ed25519 needs MariaDB's auth_ed25519 plugin (INSTALL SONAME 'auth_ed25519')."},
                  "maxUserConnections": {"type": "integer", "minimum": 0, "maximum": 4294967295, "default": 0,
                                         "description": "Concurrent sessions the account may have; 0: no limit of its own."},
                  "locked": {"type": "boolean", "default": false,
                             "description": "Locked accounts cannot log in (ACCOUNT LOCK)."}
                }
              }
              """),
          Set.of("user", "host"),
          Set.of("password"),
          Map.of(
              "user", "the user name",
              "host", "the host part",
              "account", "the account as SQL writes it: 'user'@'host'"),
          false);

  @Override
  public ResourceType type() {
    return RESOURCE_TYPE;
  }

  static String user(String resourceName, ObjectNode p) {
    String u = Props.text(p, "user");
    return u != null ? u : resourceName;
  }

  static String host(ObjectNode p) {
    String h = Props.text(p, "host");
    return h != null ? h : "%";
  }

  private static String plugin(ObjectNode p) {
    String a = Props.text(p, "authPlugin");
    return a != null ? a : AuthStrings.NATIVE;
  }

  @Override
  public String naturalId(String resourceName, ObjectNode desired) {
    return Sql.account(user(resourceName, desired), host(desired));
  }

  @Override
  public Map<String, String> validate(String name, ObjectNode properties) {
    String user = user(name, properties);
    if (Accounts.SYSTEM_USERS.contains(user)) {
      return Map.of("user", "'" + user + "' is one of the server's own accounts");
    }
    return Map.of();
  }

  /**
   * Known at plan time when the file names the user (a grant's {@code ${app.user}} then shows the
   * name); without {@code user} the name is the resource's, which this call is not told.
   */
  @Override
  public ObjectNode plannedOutputs(ObjectNode desired, ObjectNode prior) {
    if (Props.known(desired, "user") && (!desired.has("host") || Props.known(desired, "host"))) {
      return outputs(Props.text(desired, "user"), host(desired));
    }
    return prior == null ? Json.object() : prior.deepCopy();
  }

  private static ObjectNode outputs(String user, String host) {
    ObjectNode o = Json.object();
    o.put("user", user);
    o.put("host", host);
    o.put("account", Sql.account(user, host));
    return o;
  }

  private static ObjectNode properties(Account a) {
    ObjectNode p = Json.object();
    p.put("user", a.user());
    p.put("host", a.host());
    p.put("authPlugin", a.plugin());
    p.put("maxUserConnections", a.maxUserConnections());
    p.put("locked", a.locked());
    return p;
  }

  private static LiveResource live(String name, Account a) {
    return new LiveResource(
        name, Sql.account(a.user(), a.host()), properties(a), outputs(a.user(), a.host()));
  }

  @Override
  public Map<String, LiveResource> read(MysqlConnections db, List<ReadRequest> requests) {
    ServerFlavour server = db.flavour();
    Map<String, Account> byId = new LinkedHashMap<>();
    for (Account a : db.with("reading accounts", c -> Accounts.all(c, server))) {
      byId.put(Sql.account(a.user(), a.host()), a);
    }
    Map<String, LiveResource> out = new LinkedHashMap<>();
    for (ReadRequest r : requests) {
      // by the id: recorded properties may hold only a digest (a value tainted by a secret)
      Account a = byId.get(r.id());
      if (a == null) {
        a = byId.get(naturalId(r.name(), r.properties()));
      }
      if (a != null) {
        out.put(r.name(), live(r.name(), a));
      }
    }
    return out;
  }

  @Override
  public List<LiveResource> importAll(MysqlConnections db) {
    ServerFlavour server = db.flavour();
    List<LiveResource> out = new ArrayList<>();
    for (Account a : db.with("reading accounts", c -> Accounts.all(c, server))) {
      if (!Accounts.SYSTEM_USERS.contains(a.user())) {
        String name =
            "%".equals(a.host()) ? ImportNames.of(a.user()) : ImportNames.of(a.user(), a.host());
        out.add(live(name, a));
      }
    }
    return out;
  }

  @Override
  public Optional<Boolean> holdsSecret(
      MysqlConnections db, LiveResource live, String property, String clear) {
    if (!"password".equals(property)) {
      return Optional.empty();
    }
    ServerFlavour server = db.flavour();
    String user = Props.text(live.properties(), "user");
    String host = Props.text(live.properties(), "host");
    Optional<Account> a =
        db.with("reading account " + live.id(), c -> Accounts.one(c, server, user, host));
    if (a.isEmpty()) {
      return Optional.empty();
    }
    return AuthStrings.of(a.get().plugin(), clear)
        .map(expected -> expected.equals(a.get().authenticationString()));
  }

  /** {@code IDENTIFIED …} for the desired password, as the hash the server keeps. */
  private static String identified(ServerFlavour server, ObjectNode desired) {
    String password = Props.text(desired, "password");
    String plugin = plugin(desired);
    String hash = AuthStrings.of(plugin, password).orElseThrow();
    if (!server.mariadb()) {
      return " IDENTIFIED WITH " + plugin + " AS " + Sql.literal(hash);
    }
    return AuthStrings.NATIVE.equals(plugin)
        ? " IDENTIFIED BY PASSWORD " + Sql.literal(hash)
        : " IDENTIFIED VIA " + plugin + " USING " + Sql.literal(hash);
  }

  /**
   * The limit and the lock; {@code forceLock}: lock whatever the file says (see {@link #create}).
   */
  private static String limits(ObjectNode desired, boolean forceLock) {
    long max = desired.path("maxUserConnections").asLong(0);
    boolean lock = Props.bool(desired, "locked", false) || forceLock;
    return " WITH MAX_USER_CONNECTIONS " + max + (lock ? " ACCOUNT LOCK" : " ACCOUNT UNLOCK");
  }

  @Override
  public List<String> warnings(String name, ObjectNode properties) {
    if (properties.has("password")) {
      return List.of();
    }
    return List.of(
        "mysql:user '"
            + name
            + "' has no password in the file: an existing account keeps the password it has, a"
            + " new one is created locked (never open with an empty password)");
  }

  /**
   * {@code IF NOT EXISTS}, then everything set with {@code ALTER USER}: the same create again
   * (after a lost answer) completes it. An account that already existed is adopted, as an import
   * would.
   */
  @Override
  public ChangeResult create(MysqlConnections db, Change change) {
    ServerFlavour server = db.flavour();
    ObjectNode d = change.desired();
    String account = naturalId(change.name(), d);
    String auth = d.has("password") ? identified(server, d) : "";
    db.with(
        "creating account " + account,
        c -> {
          // without a password (the file gives none, or the engine re-creates the account from
          // state, which keeps only a digest: a rollback, a checkpoint restored after a destroy)
          // the account is locked: one nobody can use beats one open to an empty password
          boolean lock = !d.has("password");
          Statements.run(c, "CREATE USER IF NOT EXISTS " + account + auth + limits(d, lock));
          Statements.run(c, "ALTER USER " + account + auth + limits(d, lock));
          return null;
        });
    return ChangeResult.ok(change.name(), account, outputs(user(change.name(), d), host(d)));
  }

  /** Sets the password only when the account does not have it already. */
  @Override
  public ChangeResult update(MysqlConnections db, Change change) {
    ServerFlavour server = db.flavour();
    ObjectNode d = change.desired();
    String user = user(change.name(), d);
    String host = host(d);
    String account = Sql.account(user, host);
    db.with(
        "altering account " + account,
        c -> {
          String auth = needsPassword(c, server, user, host, d) ? identified(server, d) : "";
          // an account without any password stays locked until the file gives one
          boolean lock =
              !d.has("password")
                  && Accounts.one(c, server, user, host)
                      .map(a -> a.authenticationString().isEmpty())
                      .orElse(true);
          Statements.run(c, "ALTER USER " + account + auth + limits(d, lock));
          return null;
        });
    return ChangeResult.ok(change.name(), account, outputs(user, host));
  }

  private static boolean needsPassword(
      Connection c, ServerFlavour server, String user, String host, ObjectNode d)
      throws SQLException {
    if (!d.has("password")) {
      return false;
    }
    Optional<Account> a = Accounts.one(c, server, user, host);
    String expected = AuthStrings.of(plugin(d), Props.text(d, "password")).orElseThrow();
    return a.isEmpty()
        || !a.get().plugin().equalsIgnoreCase(plugin(d))
        || !expected.equals(a.get().authenticationString());
  }

  /**
   * Drops the account with every privilege it holds (DROP USER revokes them all), and ends its
   * sessions when no other account of that user name is left: a dropped account's open sessions
   * would otherwise go on with the privileges they had.
   */
  @Override
  public ChangeResult delete(MysqlConnections db, Change change) {
    ServerFlavour server = db.flavour();
    Keys.Account key =
        Keys.account(change.id())
            .orElseGet(
                () -> new Keys.Account(user(change.name(), change.prior()), host(change.prior())));
    String user = key.user();
    String account = key.sql();
    db.with(
        "dropping account " + account,
        c -> {
          Statements.run(c, "DROP USER IF EXISTS " + account);
          boolean otherHosts =
              Accounts.all(c, server).stream().anyMatch(a -> a.user().equals(user));
          if (!otherHosts) {
            Sessions.kill(c, "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?", user);
          }
          return null;
        });
    return ChangeResult.ok(change.name(), account, Json.object());
  }
}
