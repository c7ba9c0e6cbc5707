package io.mcpiac.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.ActionResult;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.PropertyChange;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.mysql.auth.AuthStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MySQL provider through the real engine (SQLite state) against the real MariaDB server, as a
 * user runs it: plan, apply, change things behind its back, plan again. Every assertion about the
 * result reads the server's own catalog ({@code mysql.global_priv}, {@code SHOW GRANTS}, {@code
 * information_schema}) through the administrator's connection.
 */
class MysqlEngineTest {
  @TempDir Path dir;

  private RealMariaDb server;
  private MysqlProvider provider;
  private StateStore store;
  private Engine engine;
  private String run;

  @BeforeEach
  void start() {
    server = RealMariaDb.require();
    run = server.run();
    provider = server.provider();
    store = StateStores.open("sqlite:" + dir.resolve("state.db"));
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(CoreProvider.NAME, new CoreProvider());
    registry.register(MysqlProvider.NAME, provider);
    engine = new Engine(registry, store);
  }

  @AfterEach
  void stop() throws SQLException {
    if (store != null) {
      store.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private Deployment load(String yaml) throws IOException {
    Path file = dir.resolve("deployment.yaml");
    Files.writeString(file, yaml.replace("@RUN@", run));
    Deployment d = DeploymentLoader.load(file);
    DeploymentValidator.requireValid(d, engine.registry());
    return d;
  }

  private ExecutionResult apply(Plan plan, int parallelism) {
    return engine.apply(
        plan, new ExecutionOptions(parallelism, false, true), e -> {}, new Cancellation());
  }

  private static void assertApplied(ExecutionResult r) {
    assertThat(r.success())
        .as("%s %s", r.error(), r.results().stream().map(ActionResult::error).toList())
        .isTrue();
  }

  private static PlannedAction action(Plan plan, String name) {
    return plan.action(name).orElseThrow();
  }

  private Plan plan(String yaml) throws IOException {
    return engine.plan(load(yaml));
  }

  private static String header(String name) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          resources:
        """
        .formatted(name);
  }

  @Test
  void eightUsersGrantedInParallelWithoutAFailure() throws Exception {
    StringBuilder yaml = new StringBuilder(header("parallel"));
    yaml.append(
        """
            - type: mysql:database
              name: shared
              properties: {name: "@RUN@_shared"}
        """);
    for (int i = 1; i <= 8; i++) {
      yaml.append(
          """
              - type: mysql:user
                name: u%1$d
                properties: {user: "@RUN@_u%1$d", password: "pw-%1$d"}
              - type: mysql:grant
                name: g%1$d
                properties:
                  user: ${u%1$d.user}
                  host: ${u%1$d.host}
                  database: ${shared.name}
                  privileges: [select, insert, update, delete]
                  grantOption: true
          """
              .formatted(i));
    }
    Plan plan = plan(yaml.toString());
    assertThat(plan.count(ActionType.CREATE)).isEqualTo(1 + 8 * 2);
    ExecutionResult result = apply(plan, 8);
    assertApplied(result);
    assertThat(result.count(ActionResult.Status.COMPLETE)).isEqualTo(17);

    for (int i = 1; i <= 8; i++) {
      assertThat(server.grants(run + "_u" + i, "%"))
          .as("u%d's grants on the server", i)
          .contains(
              "GRANT SELECT, INSERT, UPDATE, DELETE ON `"
                  + run
                  + "_shared`.* TO `"
                  + run
                  + "_u"
                  + i
                  + "`@`%` WITH GRANT OPTION");
    }
    Plan again = plan(yaml.toString());
    assertThat(again.hasChanges()).as(new PlanRenderer(false).render(again)).isFalse();
  }

  @Test
  void aPasswordChangedBehindOurBackIsDriftAndApplySetsItAgain() throws Exception {
    Files.writeString(dir.resolve("app.pw"), "the configured one\n");
    String yaml =
        header("passwords")
            + """
                - type: mysql:user
                  name: app
                  properties: {user: "@RUN@_app", password: "${secret.file:app.pw}"}
                - type: mysql:user
                  name: edu
                  properties: {user: "@RUN@_ed", password: "${secret.file:app.pw}", authPlugin: ed25519}
            """;
    server.ensureEd25519();
    assertApplied(apply(plan(yaml), 5));
    String user = run + "_app";
    assertThat(server.authenticationString(user, "%"))
        .isEqualTo(AuthStrings.nativePassword("the configured one"));
    assertThat(server.authenticationString(run + "_ed", "%"))
        .isEqualTo(AuthStrings.ed25519("the configured one"));
    try (Connection c = server.connect(user, "the configured one")) {
      assertThat(c.isValid(2)).as("the account logs in with the configured password").isTrue();
    }
    assertThat(plan(yaml).hasChanges()).as("unchanged password: no drift, nothing to do").isFalse();

    server.sql("ALTER USER '" + user + "'@'%' IDENTIFIED BY 'changed by hand'");
    server.sql("ALTER USER '" + run + "_ed'@'%' IDENTIFIED VIA ed25519 USING PASSWORD('by hand')");
    Plan drifted = plan(yaml);
    String text = new PlanRenderer(false).render(drifted);
    for (String name : List.of("app", "edu")) {
      PlannedAction a = action(drifted, name);
      assertThat(a.drift()).as(text).extracting(PropertyChange::path).containsExactly("password");
      assertThat(a.action()).as(text).isEqualTo(ActionType.UPDATE);
    }
    assertThat(text).doesNotContain("the configured one").doesNotContain("changed by hand");
    assertThat(text)
        .contains("! mysql:user app: password changed (sensitive: neither value is shown)");

    assertApplied(apply(drifted, 5));
    assertThat(server.authenticationString(user, "%"))
        .isEqualTo(AuthStrings.nativePassword("the configured one"));
    assertThat(server.authenticationString(run + "_ed", "%"))
        .isEqualTo(AuthStrings.ed25519("the configured one"));
    assertThat(plan(yaml).hasChanges()).isFalse();

    // the state database holds no password, and no hash of it either
    byte[] state = Files.readAllBytes(dir.resolve("state.db"));
    String stateText = new String(state, StandardCharsets.ISO_8859_1);
    for (Path p :
        Files.list(dir).filter(p -> p.getFileName().toString().startsWith("state.db")).toList()) {
      stateText += new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }
    assertThat(stateText)
        .doesNotContain("the configured one")
        .doesNotContain(AuthStrings.nativePassword("the configured one").substring(1))
        .doesNotContain(AuthStrings.ed25519("the configured one"));
  }

  @Test
  void aUserThatHoldsGrantsIsDeletedCleanly() throws Exception {
    String yaml =
        header("owner")
            + """
                - type: mysql:database
                  name: app
                  properties: {name: "@RUN@_app"}
                - type: mysql:user
                  name: owner
                  properties: {user: "@RUN@_owner", password: "owner pw"}
                - type: mysql:grant
                  name: owner-all
                  properties: {user: "${owner.user}", database: "${app.name}", privileges: [ALL]}
                - type: mysql:grant
                  name: owner-global
                  properties: {user: "${owner.user}", privileges: [PROCESS]}
            """;
    assertApplied(apply(plan(yaml), 5));
    String owner = run + "_owner";
    // what the owner does with its grants, and what is granted to it behind our back
    server.sql("CREATE TABLE `" + run + "_app`.orders (id INT PRIMARY KEY)");
    server.sql("GRANT SELECT (id) ON `" + run + "_app`.orders TO '" + owner + "'@'%'");
    server.sql("GRANT SELECT ON `" + run + "_app`.orders TO '" + owner + "'@'%'");
    Connection session = server.connect(owner, "owner pw");
    try (Statement s = session.createStatement()) {
      s.execute("SELECT COUNT(*) FROM `" + run + "_app`.orders");
    }

    // the file without the user and its grants; the database stays
    String withoutOwner = yaml.substring(0, yaml.indexOf("    - type: mysql:user"));
    Plan plan = plan(withoutOwner);
    assertThat(plan.count(ActionType.DELETE)).isEqualTo(3);
    assertApplied(apply(plan, 5));

    assertThat(server.column("SELECT User FROM mysql.global_priv WHERE User = ?", owner)).isEmpty();
    for (String table :
        List.of("db", "tables_priv", "columns_priv", "procs_priv", "proxies_priv")) {
      assertThat(server.column("SELECT User FROM mysql." + table + " WHERE User = ?", owner))
          .as("mysql.%s rows of the dropped user", table)
          .isEmpty();
    }
    assertThat(server.column("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?", owner))
        .as("the dropped user's session is ended")
        .isEmpty();
    assertThat(session.isValid(2)).as("its open connection no longer works").isFalse();
    session.close();
    assertThat(server.column("SHOW TABLES FROM `" + run + "_app`")).containsExactly("orders");
    assertThat(plan(withoutOwner).hasChanges()).isFalse();
  }

  @Test
  void aDatabaseInUseIsDroppedWithForceDrop() throws Exception {
    String yaml =
        header("drop")
            + """
                - type: mysql:database
                  name: data
                  properties: {name: "@RUN@_data", forceDrop: true}
                - type: mysql:database
                  name: keep
                  properties: {name: "@RUN@_keep", charset: latin1}
            """;
    assertApplied(apply(plan(yaml), 5));
    server.sql("CREATE TABLE `" + run + "_data`.t (id INT PRIMARY KEY) ENGINE=InnoDB");
    server.sql("INSERT INTO `" + run + "_data`.t VALUES (1), (2)");
    // an open transaction holds a metadata lock on the table: DROP DATABASE would wait for it
    Connection busy = server.connect("mcpiac", server.password);
    busy.setAutoCommit(false);
    try (Statement s = busy.createStatement()) {
      s.execute("USE `" + run + "_data`");
      s.execute("SELECT * FROM t FOR UPDATE");
    }
    assertApplied(
        engine
            .destroy("drop", ExecutionOptions.DEFAULTS, p -> true, e -> {}, new Cancellation())
            .result());
    assertThat(
            server.column(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?",
                run + "%"))
        .as("both databases are gone from the server")
        .isEmpty();
    assertThat(busy.isValid(2)).as("the session in the dropped database was ended").isFalse();
    busy.close();
  }

  @Test
  void grantDriftShowsTheDifferingPrivilegesAndApplyTouchesOnlyThose() throws Exception {
    String yaml =
        header("grants")
            + """
                - type: mysql:database
                  name: app
                  properties: {name: "@RUN@_app"}
                - type: mysql:user
                  name: ro
                  properties: {user: "@RUN@_ro", password: "ro pw"}
                - type: mysql:grant
                  name: ro-app
                  properties: {user: "${ro.user}", database: "${app.name}", privileges: [SELECT, SHOW VIEW]}
            """;
    assertApplied(apply(plan(yaml), 5));
    String ro = "'" + run + "_ro'@'%'";
    server.sql("REVOKE SHOW VIEW ON `" + run + "_app`.* FROM " + ro);
    server.sql("GRANT DELETE ON `" + run + "_app`.* TO " + ro);
    Plan drifted = plan(yaml);
    PlannedAction a = action(drifted, "ro-app");
    assertThat(a.action()).isEqualTo(ActionType.UPDATE);
    assertThat(a.drift()).extracting(PropertyChange::path).containsExactly("privileges");
    assertThat(a.drift().get(0).after().toString()).isEqualTo("[\"DELETE\",\"SELECT\"]");
    assertThat(a.changes()).extracting(PropertyChange::path).containsExactly("privileges");
    assertThat(new PlanRenderer(false).render(drifted))
        .contains(
            "privileges recorded [\"SELECT\",\"SHOW VIEW\"], now [\"DELETE\",\"SELECT\"]"
                + "  (adds DELETE; removes SHOW VIEW)")
        .contains("(adds SHOW VIEW; removes DELETE)");
    assertApplied(apply(drifted, 5));
    assertThat(server.grants(run + "_ro", "%"))
        .contains("GRANT SELECT, SHOW VIEW ON `" + run + "_app`.* TO `" + run + "_ro`@`%`");

    // a privilege added in the file: granted; the others stay as they are
    Plan more = plan(yaml.replace("[SELECT, SHOW VIEW]", "[SELECT, SHOW VIEW, INSERT]"));
    assertThat(action(more, "ro-app").action()).isEqualTo(ActionType.UPDATE);
    assertApplied(apply(more, 5));
    assertThat(server.grants(run + "_ro", "%"))
        .contains("GRANT SELECT, INSERT, SHOW VIEW ON `" + run + "_app`.* TO `" + run + "_ro`@`%`");
  }

  /**
   * Found while trying the example with a short password: a password that happens to be part of the
   * user name makes the user name secret (the engine taints every value that contains a secret), so
   * state records the grant's user as a digest. Reads and deletes go by the object's id, so the
   * grant is still found, plans clean, and is revoked on destroy.
   */
  @Test
  void aGrantWhoseUserIsRecordedAsADigestIsStillFoundAndRevoked() throws Exception {
    Files.writeString(dir.resolve("owner.pw"), run);
    String yaml =
        header("tainted")
            + """
                - type: mysql:database
                  name: app
                  properties: {name: "@RUN@_app"}
                - type: mysql:user
                  name: owner
                  properties: {user: "@RUN@_owner", password: "${secret.file:owner.pw}"}
                - type: mysql:grant
                  name: owner-app
                  properties: {user: "${owner.user}", database: "${app.name}", privileges: [ALL]}
            """;
    assertApplied(apply(plan(yaml), 5));
    Plan again = plan(yaml);
    assertThat(again.hasChanges()).as(new PlanRenderer(false).render(again)).isFalse();
    assertApplied(
        engine
            .destroy("tainted", ExecutionOptions.DEFAULTS, p -> true, e -> {}, new Cancellation())
            .result());
    assertThat(server.column("SELECT User FROM mysql.global_priv WHERE User LIKE ?", run + "%"))
        .isEmpty();
    assertThat(server.column("SELECT User FROM mysql.db WHERE User LIKE ?", run + "%")).isEmpty();
  }

  /**
   * The engine re-creates an account without its password where state keeps only a digest of it (a
   * rollback re-creating a deleted account, a checkpoint restored after a destroy): the account
   * must not be open to anyone with an empty password, so it is made locked.
   */
  @Test
  void anAccountReCreatedWithoutItsPasswordIsLockedNotOpen() throws Exception {
    ResourceType user = provider.resourceType("mysql:user").orElseThrow();
    ObjectNode desired = Json.parseObject("{\"user\": \"" + run + "_restored\"}");
    Change create =
        new Change(
            Change.Kind.CREATE,
            "restored",
            user,
            provider.newId(user, "restored", desired),
            null,
            desired,
            Json.object());
    assertThat(provider.apply(List.of(create)).get(0).error()).isNull();
    assertThat(
            server.column(
                "SELECT JSON_VALUE(Priv, '$.account_locked') FROM mysql.global_priv WHERE User = ?",
                run + "_restored"))
        .as("account_locked in the catalog")
        .hasSize(1)
        .allMatch(v -> v.equals("1") || v.equals("true"));
    assertThatThrownBy(() -> server.connect(run + "_restored", "").close())
        .as("nobody logs in with an empty password")
        .isInstanceOf(SQLException.class);
    // an update that gives no password either (locked: false by default) leaves it locked
    Change update =
        new Change(
            Change.Kind.UPDATE, "restored", user, create.id(), desired, desired, Json.object());
    assertThat(provider.apply(List.of(update)).get(0).error()).isNull();
    assertThatThrownBy(() -> server.connect(run + "_restored", "").close())
        .isInstanceOf(SQLException.class);

    // an account that has a password (imported, the file gives none) keeps it and stays open
    server.sql("CREATE USER '" + run + "_kept'@'%' IDENTIFIED BY 'its own'");
    ObjectNode kept =
        Json.parseObject("{\"user\": \"" + run + "_kept\", \"maxUserConnections\": 3}");
    Change keep =
        new Change(
            Change.Kind.UPDATE, "kept", user, "'" + run + "_kept'@'%'", kept, kept, Json.object());
    assertThat(provider.apply(List.of(keep)).get(0).error()).isNull();
    try (Connection c = server.connect(run + "_kept", "its own")) {
      assertThat(c.isValid(2)).isTrue();
    }
  }

  @Test
  void whatTheServerRefusesKeepsItsCodeAndSqlState() throws Exception {
    String yaml =
        header("refused")
            + """
                - type: mysql:database
                  name: app
                  properties: {name: "@RUN@_app"}
                - type: mysql:user
                  name: ro
                  properties: {user: "@RUN@_ro", password: "ro pw"}
                - type: mysql:grant
                  name: ro-missing
                  properties: {user: "${ro.user}", database: "${app.name}", table: nosuchtable, privileges: [SELECT]}
            """;
    ExecutionResult r = apply(plan(yaml), 5);
    assertThat(r.success()).isFalse();
    String error =
        r.results().stream()
            .filter(x -> x.resource().equals("ro-missing"))
            .findFirst()
            .orElseThrow()
            .error();
    assertThat(error)
        .contains("mysql:grant 'ro-missing'")
        .contains("ERROR 1146 (42S02)")
        .contains("nosuchtable");
    // rolled back: nothing of the deployment is left on the server
    assertThat(server.column("SELECT User FROM mysql.global_priv WHERE User = ?", run + "_ro"))
        .isEmpty();
    assertThat(
            server.column(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
                run + "_app"))
        .isEmpty();
  }
}
