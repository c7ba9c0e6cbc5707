package io.mcpiac.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.plans.PropertyChange;
import io.mcpiac.postgresql.resources.PasswordVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A role's password changed behind our back (ALTER ROLE ... PASSWORD at psql) shows in the plan as
 * drift of {@code password}, never as text, and apply sets the configured one again; the state
 * never holds the password, and the server never receives it in clear (it gets a SCRAM verifier).
 */
class PasswordDriftTest {
  @TempDir Path dir;

  private static String deployment(String role, String password) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: password-drift}
        spec:
          resources:
            - type: postgresql:role
              name: app
              properties: {name: %s, login: true, password: "%s"}
        """
        .formatted(role, password);
  }

  private static String verifier(String role) {
    return TestServer.column(
            "postgres", "SELECT rolpassword FROM pg_authid WHERE rolname = '" + role + "'")
        .get(0);
  }

  @Test
  void aPasswordChangedBehindOurBackIsDriftAndApplySetsItBack() throws Exception {
    String role = TestServer.unique("pw");
    String yaml = deployment(role, "configured-Secret-1");
    try (PgEngine pg = new PgEngine(dir)) {
      pg.applied(yaml);
      assertThat(verifier(role)).startsWith("SCRAM-SHA-256$4096:");
      assertThat(PasswordVerifier.matches(verifier(role), role, "configured-Secret-1")).isTrue();
      assertThat(pg.plan(yaml).hasChanges()).as("the password as configured").isFalse();

      TestServer.sql("postgres", "ALTER ROLE " + role + " PASSWORD 'set-by-hand-2'");

      Plan plan = pg.plan(yaml);
      PlannedAction app = plan.actions().get(0);
      assertThat(app.drift()).extracting(PropertyChange::path).containsExactly("password");
      assertThat(app.action()).isEqualTo(ActionType.UPDATE);
      String shown = PgEngine.render(plan);
      assertThat(shown)
          .contains("password")
          .contains("(sensitive)")
          .doesNotContain("configured-Secret-1")
          .doesNotContain("set-by-hand-2")
          .doesNotContain("SCRAM-SHA-256");

      assertThat(pg.apply(plan, 5).success()).isTrue();
      assertThat(PasswordVerifier.matches(verifier(role), role, "configured-Secret-1")).isTrue();
      assertThat(pg.plan(yaml).hasChanges()).isFalse();

      // a changed password in the file is an update too, and no drift
      Plan changed = pg.plan(deployment(role, "configured-Secret-3"));
      assertThat(changed.actions().get(0).action()).isEqualTo(ActionType.UPDATE);
      assertThat(changed.actions().get(0).drift()).isEmpty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(f.toString()).doesNotContain("configured-Secret-1");
        assertThat(bytes).as(f.toString()).doesNotContain("SCRAM-SHA-256$");
      }
    }
    TestServer.sql("postgres", "DROP ROLE " + role);
  }

  @Test
  void verifiersTheServerMadeAreCheckedInJava() {
    String role = TestServer.unique("ver");
    TestServer.sql(
        "postgres",
        "SET password_encryption = 'scram-sha-256'",
        "CREATE ROLE " + role + " PASSWORD 'Zürich-ß-pässwörd'");
    assertThat(PasswordVerifier.matches(verifier(role), role, "Zürich-ß-pässwörd")).isTrue();
    assertThat(PasswordVerifier.matches(verifier(role), role, "Zürich-ß-passwörd")).isFalse();
    TestServer.sql(
        "postgres",
        "SET password_encryption = 'md5'",
        "ALTER ROLE " + role + " PASSWORD 'old-md5'");
    assertThat(verifier(role)).startsWith("md5");
    assertThat(PasswordVerifier.matches(verifier(role), role, "old-md5")).isTrue();
    assertThat(PasswordVerifier.matches(verifier(role), role, "old-md6")).isFalse();
    TestServer.sql("postgres", "DROP ROLE " + role);
  }

  /**
   * The verifier made in Java is one the server accepts at login (SCRAM authentication for this
   * role, set in pg_hba.conf for the test), and the provider logs in with a password from a secret
   * reference ({@code passwordEnv}).
   */
  @Test
  void theConfiguredPasswordLogsInWithScram() throws Exception {
    String role = TestServer.unique("login");
    try (PgEngine pg = new PgEngine(dir)) {
      pg.applied(deployment(role, "login-Secret-9"));
      String hba = TestServer.column("postgres", "SHOW hba_file").get(0);
      Path file = Path.of(hba);
      String before = Files.readString(file);
      Files.writeString(
          file,
          "host all "
              + role
              + " 127.0.0.1/32 scram-sha-256\nhost all "
              + role
              + " ::1/128 scram-sha-256\n"
              + before);
      try {
        TestServer.sql("postgres", "SELECT pg_reload_conf()");
        String url = "jdbc:postgresql://127.0.0.1:" + TestServer.port() + "/postgres";
        try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(url, role, "login-Secret-9")) {
          assertThat(c.isValid(2)).isTrue();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> java.sql.DriverManager.getConnection(url, role, "wrong").close())
            .hasMessageContaining("password authentication failed");
        java.util.Map<String, String> env =
            java.util.Map.of(
                "PGHOST",
                "127.0.0.1",
                "PGPORT",
                String.valueOf(TestServer.port()),
                "PGUSER",
                role,
                "PGDATABASE",
                "postgres",
                "APP_PW",
                "login-Secret-9");
        withPasswordEnv(env).probe();
        java.util.Map<String, String> wrong = new java.util.HashMap<>(env);
        wrong.put("APP_PW", "not-it");
        org.assertj.core.api.Assertions.assertThatThrownBy(withPasswordEnv(wrong)::probe)
            .hasMessageContaining("SQLSTATE 28P01")
            .hasMessageContaining("passwordEnv/passwordFile, PGPASSWORD or a pgpass file")
            .hasMessageNotContaining("not-it");
      } finally {
        Files.writeString(file, before);
        TestServer.sql("postgres", "SELECT pg_reload_conf()");
      }
      assertThat(pg.destroy("password-drift").result().success()).isTrue();
    }
  }

  /** The provider as {@code spec.providers.postgresql: {passwordEnv: APP_PW}} makes it. */
  private static PostgresProvider withPasswordEnv(java.util.Map<String, String> env) {
    return (PostgresProvider)
        new PostgresProviderFactory(env::get)
            .create(
                "postgresql",
                io.mcpiac.engine.json.Json.parseObject("{\"passwordEnv\": \"APP_PW\"}"));
  }
}
