package io.mcpiac.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.config.VariableInputs;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.plans.Plan;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/postgresql-app} applied as written (its provider settings, the connection from
 * libpq's variables): the owner creates a table afterwards and the read-only role can read it but
 * not write it, through the default privileges; the plan stays clean; destroy leaves nothing.
 */
class AppDatabaseExampleTest {
  private static final Path EXAMPLE = Path.of("../examples/postgresql-app/deployment.yaml");

  @TempDir Path dir;

  private Deployment example(String database) {
    LoadedDeployment loaded =
        DeploymentLoader.read(
            EXAMPLE,
            new VariableInputs(
                Map.of(),
                List.of(),
                List.of(
                    "ownerPassword=owner-Pw-1",
                    "readerPassword=reader-Pw-2",
                    "database=" + database),
                null));
    assertThat(loaded.problems()).isEmpty();
    return loaded.deployment();
  }

  private static void as(String db, String role, String... statements) throws SQLException {
    try (Connection c = TestServer.admin(db);
        Statement s = c.createStatement()) {
      s.execute("SET ROLE " + role);
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  @Test
  void theExampleAppliesAndTheReaderReadsTablesTheOwnerMakesLater() throws Exception {
    String db = TestServer.unique("appdb");
    Map<String, String> env = TestServer.environment();
    Deployment d = example(db);
    ObjectNode settings = d.providers().get("postgresql");
    PostgresProvider provider =
        (PostgresProvider) new PostgresProviderFactory(env::get).create("postgresql", settings);
    try (PgEngine pg = new PgEngine(dir, provider)) {
      DeploymentValidator.requireValid(d, pg.engine.registry());
      Plan plan = pg.engine.plan(d);
      ExecutionResult r = pg.apply(plan, 5);
      assertThat(r.success()).as(String.valueOf(r.results())).isTrue();
      assertThat(pg.engine.plan(example(db)).hasChanges()).isFalse();

      as(
          db,
          "app_owner",
          "CREATE TABLE app.orders (id serial, email app.citext)",
          "INSERT INTO app.orders (email) VALUES ('A@example.com')");
      as(db, "app_reader", "SELECT count(*) FROM app.orders WHERE email = 'a@example.com'");
      assertThatThrownBy(() -> as(db, "app_reader", "INSERT INTO app.orders (email) VALUES ('b')"))
          .hasMessageContaining("permission denied");
      assertThat(
              TestServer.column(
                  db,
                  "SELECT has_table_privilege('app_reader', 'app.orders', 'SELECT')::text"
                      + " || has_sequence_privilege('app_reader', 'app.orders_id_seq', 'SELECT')::text"))
          .containsExactly("truetrue");
      Plan after = pg.engine.plan(example(db));
      assertThat(after.hasChanges()).as(PgEngine.render(after)).isFalse();

      ExecutionResult destroyed = pg.destroy("postgresql-app").result();
      assertThat(destroyed.success()).as(String.valueOf(destroyed.results())).isTrue();
      assertThat(
              TestServer.column(
                  "postgres", "SELECT datname FROM pg_database WHERE datname = '" + db + "'"))
          .isEmpty();
      assertThat(
              TestServer.column(
                  "postgres",
                  "SELECT rolname FROM pg_roles WHERE rolname IN ('app_owner', 'app_reader')"))
          .isEmpty();
    }
  }
}
