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

  /** The example's servers file, run with this test's class path instead of bin/mcp-iac. */
  private Path serversFile() throws Exception {
    String launcher = Json.write(Processes.mcpIac());
    String servers =
        Files.readString(EXAMPLE.resolve("servers.yaml"))
            .replace("[bin/mcp-iac, ", launcher.substring(0, launcher.length() - 1) + ", ");
    Path serversFile = dir.resolve("servers.yaml");
    Files.writeString(serversFile, servers);
    return serversFile;
  }

  @Test
  void theDatabaseServersAddressComesFromTheInventoryServersOutput() throws Exception {
    Path serversFile = serversFile();
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

  /**
   * The example with a role password (a sensitive variable), which the postgresql server answers
   * masked: a later run that changes only the grant restates the role with the password the run's
   * variable gives, so it succeeds and the role's password is not set again (PostgreSQL keeps the
   * same SCRAM verifier, whose salt would differ had it been).
   */
  @Test
  void aRolePasswordIsKeptWhenOnlyAnotherResourceOfItsServerChanges() throws Exception {
    String example =
        Files.readString(EXAMPLE.resolve("deployment.yaml"))
            .replace("orchestrated_app", "kept_app")
            .replace("name: orchestrated-postgresql", "name: kept-postgresql")
            .replace(
                "  variables:\n",
                "  variables:\n    appPassword: {type: string, sensitive: true}\n")
            .replace(
                "        login: true\n",
                "        login: true\n        password: ${var.appPassword}\n");
    assertThat(example).contains("password: ${var.appPassword}").contains("appPassword: {");
    Path deployment = dir.resolve("kept.yaml");
    Files.writeString(deployment, example);
    List<String> common =
        List.of(
            "--servers",
            serversFile().toString(),
            "--state",
            "sqlite:" + dir.resolve("orch.db"),
            "--var",
            "dbPort=" + PostgresServer.port());
    String password = "Kept-role-passw0rd";
    Map<String, String> env =
        Map.of("PGUSER", "postgres", "PGDATABASE", "postgres", "MCP_IAC_VAR_appPassword", password);
    List<String> apply = new ArrayList<>(List.of("apply", "-f", deployment.toString(), "--yes"));
    apply.addAll(common);
    Processes.Run applied = Processes.run(dir, apply, env);
    assertThat(applied.exit()).as(applied.toString()).isZero();
    String verifierQuery = "SELECT rolpassword FROM pg_authid WHERE rolname = 'kept_app'";
    List<String> verifier = catalog(verifierQuery);
    assertThat(verifier).singleElement().asString().startsWith("SCRAM-SHA-256$");

    Files.writeString(
        deployment, example.replace("privileges: [CONNECT, TEMPORARY]", "privileges: [CONNECT]"));
    Processes.Run edited = Processes.run(dir, apply, env);

    assertThat(edited.exit()).as(edited.toString()).isZero();
    assertThat(edited.stdout()).contains("app-connect");
    // the role's own entry of the database's ACL (PUBLIC keeps TEMPORARY by default)
    assertThat(
            catalog(
                "SELECT a.privilege_type FROM pg_database d, aclexplode(d.datacl) a WHERE"
                    + " d.datname = 'kept_app' AND a.grantee = 'kept_app'::regrole ORDER BY 1"))
        .doesNotContain("TEMPORARY")
        .contains("CONNECT");
    assertThat(catalog(verifierQuery)).isEqualTo(verifier);
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().contains(".db")).toList()) {
        assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(password);
      }
    }
    assertThat(applied.stdout() + applied.stderr() + edited.stdout() + edited.stderr())
        .doesNotContain(password);

    // destroy deletes the grant and the database first, in batches of their own, while the role
    // (deleted last) is restated; destroy has no configuration to give its password from, so the
    // server is asked to keep what it holds
    List<String> destroy = new ArrayList<>(List.of("destroy", "kept-postgresql", "--yes"));
    destroy.addAll(common.subList(0, 4));
    Processes.Run destroyed = Processes.run(dir, destroy, env);
    assertThat(destroyed.exit()).as(destroyed.toString()).isZero();
    assertThat(catalog("SELECT datname FROM pg_database WHERE datname = 'kept_app'")).isEmpty();
    assertThat(catalog("SELECT rolname FROM pg_roles WHERE rolname = 'kept_app'")).isEmpty();
  }
}
