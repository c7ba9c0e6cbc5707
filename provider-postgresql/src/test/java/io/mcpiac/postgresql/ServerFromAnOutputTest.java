package io.mcpiac.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource's {@code server} names the address another resource's output gives (unknown until that
 * one is applied), while the instance's own settings point elsewhere: the objects are made on the
 * named server, and planning again reads them there.
 */
class ServerFromAnOutputTest {
  @TempDir Path dir;

  @Test
  void objectsAreMadeOnTheServerAnOutputNames() {
    String role = TestServer.unique("addr");
    String db = role + "_db";
    // the instance names no server (its default, localhost:5432, has nothing): only the output
    // works
    Map<String, String> env = Map.of("PGUSER", "postgres", "PGDATABASE", "postgres");
    PostgresProvider provider =
        (PostgresProvider)
            new PostgresProviderFactory(env::get).create("postgresql", Json.object());
    String yaml =
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: server-from-output}
        spec:
          resources:
            - type: core:data
              name: endpoint
              properties: {input: {host: 127.0.0.1, port: %d}}
            - type: postgresql:role
              name: app
              properties: {name: %s, server: {host: "${endpoint.output.host}", port: "${endpoint.output.port}"}}
            - type: postgresql:database
              name: db
              properties: {name: %s, owner: "${app.name}", server: {host: "${endpoint.output.host}", port: "${endpoint.output.port}"}}
        """
            .formatted(TestServer.port(), role, db);
    try (PgEngine pg = new PgEngine(dir, provider)) {
      Plan plan = pg.plan(yaml);
      assertThat(plan.actions()).hasSize(3);
      ExecutionResult r = pg.apply(plan, 5);
      assertThat(r.success()).as(String.valueOf(r.results())).isTrue();
      assertThat(
              TestServer.column(
                  "postgres",
                  "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + db + "'"))
          .containsExactly(role);
      Plan again = pg.plan(yaml);
      assertThat(again.hasChanges()).as(PgEngine.render(again)).isFalse();
      assertThat(pg.destroy("server-from-output").result().success()).isTrue();
      assertThat(
              TestServer.column(
                  "postgres", "SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'"))
          .isEmpty();
    }
  }
}
