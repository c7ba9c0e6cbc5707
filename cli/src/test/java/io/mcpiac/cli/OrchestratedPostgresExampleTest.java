package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.cli.orchestrator.Processes;
import io.mcpiac.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/orchestrated-postgresql} as written, against a real PostgreSQL server: the
 * orchestrator starts a core server and {@code serve --provider postgresql} over stdio (separate
 * processes); the address the core server's output gives is where the role, database and grant are
 * made; planning again changes nothing; destroy removes them.
 */
class OrchestratedPostgresExampleTest {
  private static final Path EXAMPLE = Path.of("../examples/orchestrated-postgresql");

  @TempDir Path dir;

  private List<String> catalog(String query) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + PostgresServer.port() + "/postgres",
                "postgres",
                "");
        ResultSet rs = c.createStatement().executeQuery(query)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  @Test
  void theDatabaseServersAddressComesFromTheInventoryServersOutput() throws Exception {
    String launcher = Json.write(Processes.mcpIac());
    String servers =
        Files.readString(EXAMPLE.resolve("servers.yaml"))
            .replace("[bin/mcp-iac, ", launcher.substring(0, launcher.length() - 1) + ", ");
    Path serversFile = dir.resolve("servers.yaml");
    Files.writeString(serversFile, servers);
    String deployment = EXAMPLE.resolve("deployment.yaml").toAbsolutePath().toString();
    List<String> common =
        List.of(
            "--servers",
            serversFile.toString(),
            "--state",
            "sqlite:" + dir.resolve("orch.db"),
            "--var",
            "dbPort=" + PostgresServer.port());
    // the login from the environment, as a user would have it; no PGHOST: the output says where
    Map<String, String> env = Map.of("PGUSER", "postgres", "PGDATABASE", "postgres");

    List<String> apply = new ArrayList<>(List.of("apply", "-f", deployment, "--yes"));
    apply.addAll(common);
    Processes.Run applied = Processes.run(dir, apply, env);
    assertThat(applied.exit()).as(applied.toString()).isZero();
    assertThat(
            catalog(
                "SELECT pg_get_userbyid(datdba) || ' ' || has_database_privilege('orchestrated_app',"
                    + " datname, 'CONNECT, TEMPORARY') FROM pg_database WHERE datname ="
                    + " 'orchestrated_app'"))
        .containsExactly("orchestrated_app true");

    List<String> plan = new ArrayList<>(List.of("plan", "-f", deployment, "--detailed-exitcode"));
    plan.addAll(common);
    Processes.Run again = Processes.run(dir, plan, env);
    assertThat(again.exit()).as(again.toString()).isZero();

    List<String> destroy = new ArrayList<>(List.of("destroy", "orchestrated-postgresql", "--yes"));
    destroy.addAll(common.subList(0, 4));
    Processes.Run destroyed = Processes.run(dir, destroy, env);
    assertThat(destroyed.exit()).as(destroyed.toString()).isZero();
    assertThat(catalog("SELECT datname FROM pg_database WHERE datname = 'orchestrated_app'"))
        .isEmpty();
    assertThat(catalog("SELECT rolname FROM pg_roles WHERE rolname = 'orchestrated_app'"))
        .isEmpty();
  }
}
