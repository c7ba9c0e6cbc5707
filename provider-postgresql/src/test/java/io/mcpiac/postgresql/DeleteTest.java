package io.mcpiac.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.execution.ActionResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletes that fail under the Terraform provider: a database with an open session (dropped with
 * forceDrop, refused with the server's message without it), and a role that owns a table
 * (reassigned or dropped, as configured). Each asserted in the server's catalog.
 */
class DeleteTest {
  @TempDir Path dir;

  private static String database(String name, boolean force) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: drop-db}
        spec:
          resources:
            - type: postgresql:database
              name: appdb
              properties: {name: %s, forceDrop: %s}
        """
        .formatted(name, force);
  }

  private static Connection session(String db) throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + TestServer.port() + "/" + db, "postgres", "");
  }

  private static boolean databaseExists(String name) {
    return !TestServer.column(
            "postgres", "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")
        .isEmpty();
  }

  @Test
  void aDatabaseWithAnOpenSessionIsDroppedWithForce() throws Exception {
    String name = TestServer.unique("force");
    try (PgEngine pg = new PgEngine(dir);
        Connection open = session(pg.applied(database(name, true)) == null ? null : name)) {
      assertThat(open.isValid(2)).isTrue();
      Engine.Applied destroyed = pg.destroy("drop-db");
      assertThat(destroyed.result().success())
          .as(String.valueOf(destroyed.result().results()))
          .isTrue();
      assertThat(databaseExists(name)).isFalse();
      assertThat(open.isValid(2)).as("the session was ended").isFalse();
    }
  }

  @Test
  void withoutForceTheDropFailsWithTheServersMessageAndTheDatabaseStays() throws Exception {
    String name = TestServer.unique("noforce");
    try (PgEngine pg = new PgEngine(dir)) {
      pg.applied(database(name, false));
      try (Connection open = session(name)) {
        Engine.Applied destroyed = pg.destroy("drop-db");
        assertThat(destroyed.result().success()).isFalse();
        assertThat(destroyed.result().results().get(0).error())
            .contains("postgresql:database 'appdb'")
            .contains("SQLSTATE 55006")
            .contains("is being accessed by other users");
        assertThat(databaseExists(name)).isTrue();
        assertThat(pg.engine.state("drop-db").resources()).containsKey("appdb");
      }
      assertThat(pg.destroy("drop-db").result().success()).as("once the session is gone").isTrue();
      assertThat(databaseExists(name)).isFalse();
    }
  }

  private static String role(String role, String ownedObjects) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: owner-role}
        spec:
          resources:
            - type: postgresql:role
              name: owner
              properties: {name: %s, login: true, ownedObjects: %s}
        """
        .formatted(role, ownedObjects);
  }

  /** A table the role owns, and a privilege on another table, made as the application would. */
  private static String roleWithTable(PgEngine pg, String ownedObjects) {
    String role = TestServer.unique("own");
    pg.applied(role(role, ownedObjects));
    TestServer.sql(
        "postgres",
        "CREATE TABLE public." + role + "_t (id int)",
        "ALTER TABLE public." + role + "_t OWNER TO " + role,
        "CREATE TABLE public." + role + "_other (id int)",
        "GRANT SELECT ON public." + role + "_other TO " + role);
    return role;
  }

  private static String ownerOf(String table) {
    return String.join(
        "",
        TestServer.column(
            "postgres",
            "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = '" + table + "'"));
  }

  private static boolean roleExists(String role) {
    return !TestServer.column("postgres", "SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")
        .isEmpty();
  }

  @Test
  void aRoleThatOwnsATableIsDeletedCleanlyItsTableReassigned() {
    try (PgEngine pg = new PgEngine(dir)) {
      String role = roleWithTable(pg, "reassign");
      Engine.Applied destroyed = pg.destroy("owner-role");
      assertThat(destroyed.result().success())
          .as(String.valueOf(destroyed.result().results()))
          .isTrue();
      assertThat(roleExists(role)).isFalse();
      assertThat(ownerOf(role + "_t"))
          .as("the table went to the user mcp-iac connects as")
          .isEqualTo("postgres");
    }
  }

  @Test
  void aRoleThatOwnsATableIsDeletedWithItsTableDropped() {
    try (PgEngine pg = new PgEngine(dir)) {
      String role = roleWithTable(pg, "drop");
      assertThat(pg.destroy("owner-role").result().success()).isTrue();
      assertThat(roleExists(role)).isFalse();
      assertThat(ownerOf(role + "_t")).as("the table is gone").isEmpty();
      assertThat(ownerOf(role + "_other"))
          .as("a table it only had a privilege on stays")
          .isEqualTo("postgres");
    }
  }

  @Test
  void refuseKeepsTheRoleAndNamesWhatItOwns() {
    try (PgEngine pg = new PgEngine(dir)) {
      String role = roleWithTable(pg, "refuse");
      Engine.Applied destroyed = pg.destroy("owner-role");
      assertThat(destroyed.result().success()).isFalse();
      ActionResult r = destroyed.result().results().get(0);
      assertThat(r.error()).contains("still owns").contains("table " + role + "_t");
      assertThat(roleExists(role)).isTrue();
      assertThat(ownerOf(role + "_t")).isEqualTo(role);
      TestServer.sql(
          "postgres",
          "DROP TABLE public." + role + "_t",
          "DROP TABLE public." + role + "_other",
          "DROP ROLE " + role);
    }
  }
}
