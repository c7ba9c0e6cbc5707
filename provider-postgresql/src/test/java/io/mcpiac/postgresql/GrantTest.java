package io.mcpiac.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.PropertyChange;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grants read back from the ACLs: a privilege revoked by hand on one table, or granted extra on
 * another, is exactly the privilege the plan shows; {@code ALL} and its spelled-out list are the
 * same plan; grants on a database, a schema and functions; errors keep the server's SQLSTATE.
 */
class GrantTest {
  @TempDir Path dir;

  private static String deployment(String db, String role, String privileges) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: grants}
        spec:
          resources:
            - type: postgresql:role
              name: reader
              properties: {name: %2$s}
            - type: postgresql:grant
              name: tables
              properties: {role: "${reader.name}", database: %1$s, schema: public, objectType: table, privileges: %3$s}
            - type: postgresql:grant
              name: connect
              properties: {role: "${reader.name}", database: %1$s, objectType: database, privileges: [connect, temp]}
            - type: postgresql:grant
              name: usage
              properties: {role: "${reader.name}", database: %1$s, schema: public, objectType: schema, privileges: [USAGE]}
            - type: postgresql:grant
              name: functions
              properties: {role: "${reader.name}", database: %1$s, schema: public, objectType: function, objects: [answer], privileges: [EXECUTE]}
        """
        .formatted(db, role, privileges);
  }

  private static PlannedAction action(Plan plan, String name) {
    return plan.actions().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void thePlanShowsExactlyThePrivilegesThatDiffer() {
    String db = TestServer.unique("grants");
    String role = db + "_reader";
    TestServer.sql("postgres", "CREATE DATABASE " + db);
    TestServer.sql(
        db,
        "CREATE TABLE public.a (id int)",
        "CREATE TABLE public.b (id int)",
        "CREATE FUNCTION public.answer() RETURNS int LANGUAGE sql AS 'SELECT 42'",
        "CREATE FUNCTION public.answer(x int) RETURNS int LANGUAGE sql AS 'SELECT x'");
    String yaml = deployment(db, role, "[select, insert]");
    try (PgEngine pg = new PgEngine(dir)) {
      pg.applied(yaml);
      assertThat(ParallelGrantsTest.privileges(db, role))
          .containsExactly("a:INSERT", "a:SELECT", "b:INSERT", "b:SELECT");
      assertThat(
              TestServer.column(
                  db,
                  "SELECT has_database_privilege('"
                      + role
                      + "', current_database(), 'CONNECT, TEMPORARY')::text || has_schema_privilege('"
                      + role
                      + "', 'public', 'USAGE')::text || has_function_privilege('"
                      + role
                      + "', 'public.answer(int)', 'EXECUTE')::text"))
          .containsExactly("truetruetrue");
      assertThat(pg.plan(yaml).hasChanges()).as("lower case and TEMP are the same plan").isFalse();

      // by hand: INSERT revoked on one table, DELETE granted on the other
      TestServer.sql(
          db, "REVOKE INSERT ON public.a FROM " + role, "GRANT DELETE ON public.b TO " + role);
      Plan plan = pg.plan(yaml);
      PlannedAction tables = action(plan, "tables");
      assertThat(tables.action()).isEqualTo(ActionType.UPDATE);
      assertThat(tables.drift()).hasSize(1);
      PropertyChange drift = tables.drift().get(0);
      assertThat(drift.path()).isEqualTo("privileges");
      assertThat(drift.before().toString()).isEqualTo("[\"INSERT\",\"SELECT\"]");
      assertThat(drift.after().toString()).isEqualTo("[\"DELETE\",\"SELECT\"]");
      assertThat(action(plan, "connect").action()).isEqualTo(ActionType.NO_OP);

      ExecutionResult r = pg.apply(plan, 5);
      assertThat(r.success()).as(String.valueOf(r.results())).isTrue();
      assertThat(ParallelGrantsTest.privileges(db, role))
          .containsExactly("a:INSERT", "a:SELECT", "b:INSERT", "b:SELECT");

      // ALL is the seven table privileges, spelled out
      String all = deployment(db, role, "[ALL]");
      pg.applied(all);
      assertThat(ParallelGrantsTest.privileges(db, role)).hasSize(14);
      assertThat(
              pg.plan(
                      deployment(
                          db,
                          role,
                          "[DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE]"))
                  .hasChanges())
          .isFalse();

      assertThat(pg.destroy("grants").result().success()).isTrue();
      // the grants were revoked before the role went: no ACL keeps a trace of it
      assertThat(
              TestServer.column(
                  db,
                  "SELECT coalesce(relacl::text, '') FROM pg_class WHERE relname IN ('a', 'b')"))
          .hasSize(2)
          .allSatisfy(acl -> assertThat(acl).doesNotContain(role));
    }
  }

  @Test
  void aGrantToARoleThatDoesNotExistFailsWithTheServersSqlstate() {
    String db = TestServer.unique("nogrant");
    TestServer.sql("postgres", "CREATE DATABASE " + db);
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: bad-grant}
        spec:
          resources:
            - type: postgresql:grant
              name: g
              properties: {role: nobody_at_all, database: %s, objectType: database, privileges: [CONNECT]}
        """
            .formatted(db);
    try (PgEngine pg = new PgEngine(dir)) {
      ExecutionResult r = pg.apply(pg.plan(yaml), 5);
      assertThat(r.success()).isFalse();
      assertThat(r.results().get(0).error())
          .isEqualTo(
              "postgresql:grant 'g': granting [CONNECT] to nobody_at_all: SQLSTATE 42704: role"
                  + " \"nobody_at_all\" does not exist");
    }
  }

  @Test
  void privilegesAnObjectTypeDoesNotHaveAreRefusedBeforeAnythingIsTouched() {
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: bad-privileges}
        spec:
          resources:
            - type: postgresql:grant
              name: g
              properties: {role: x, objectType: schema, privileges: [SELECT]}
        """;
    try (PgEngine pg = new PgEngine(dir)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> pg.load(yaml))
          .hasMessageContaining("test.yaml:")
          .hasMessageContaining("resource 'g'")
          .hasMessageContaining("a schema has no privilege SELECT")
          .hasMessageContaining("a grant on schema needs the schema");
    }
  }
}
