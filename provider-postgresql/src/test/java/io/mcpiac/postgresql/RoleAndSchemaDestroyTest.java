package io.mcpiac.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A role and schemas destroyed in one run, as {@code examples/postgresql-app} is: neither depends
 * on the other, so the role's release ({@code DROP OWNED BY}, which revokes its privileges on the
 * schema's tables) runs while {@code DROP SCHEMA ... CASCADE} drops those tables. PostgreSQL's
 * catalog writes are not MVCC: the loser of that race fails with {@code tuple concurrently deleted}
 * (or updated), which a full CI run once showed on the example. Many tables make the two overlap on
 * every run.
 */
class RoleAndSchemaDestroyTest {
  private static final int SCHEMAS = 4;
  private static final int TABLES = 100;

  @TempDir Path dir;

  private static String deployment(String db, String role) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: role-and-schema}
        spec:
          resources:
            - type: postgresql:role
              name: reader
              properties: {name: %2$s, login: true}
            - type: postgresql:database
              name: db
              properties: {name: %1$s, forceDrop: true}
        """
            .formatted(db, role)
        + schemas();
  }

  private static String schemas() {
    StringBuilder out = new StringBuilder();
    for (int s = 0; s < SCHEMAS; s++) {
      out.append(
          """
              - type: postgresql:schema
                name: schema%1$d
                properties: {database: "${db.name}", name: app%1$d, dropCascade: true}
          """
              .formatted(s));
    }
    return out.toString();
  }

  /** Twice: without the retry, one round alone failed 3 runs in 6 here. */
  @RepeatedTest(2)
  void bothGoInOneRunWhileTheRoleMayReadTheSchemasTables() {
    String db = TestServer.unique("race");
    String role = TestServer.unique("reader");
    try (PgEngine pg = new PgEngine(dir)) {
      pg.applied(deployment(db, role));
      List<String> tables = new ArrayList<>();
      for (int s = 0; s < SCHEMAS; s++) {
        for (int i = 0; i < TABLES; i++) {
          String table = "app" + s + ".t" + i;
          tables.add("CREATE TABLE " + table + " (id serial)");
          tables.add("GRANT SELECT ON " + table + ", " + table + "_id_seq TO " + role);
        }
      }
      TestServer.sql(db, tables.toArray(String[]::new));

      Engine.Applied destroyed = pg.destroy("role-and-schema");

      assertThat(destroyed.result().success())
          .as(String.valueOf(destroyed.result().results()))
          .isTrue();
      assertThat(
              TestServer.column(
                  "postgres",
                  "SELECT datname FROM pg_database WHERE datname = '"
                      + db
                      + "'"
                      + " UNION ALL SELECT rolname FROM pg_roles WHERE rolname = '"
                      + role
                      + "'"))
          .isEmpty();
      assertThat(pg.engine.state("role-and-schema").resources()).isEmpty();
    }
  }
}
