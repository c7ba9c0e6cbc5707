package io.mcpiac.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.postgresql.connection.ConnectionSettings;
import io.mcpiac.postgresql.connection.PasswordLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libpq's rules: settings, else PG* variables, else defaults; the password from a secret reference,
 * PGPASSWORD or the pgpass file, never from the file; a wrong password fails the probe naming where
 * passwords come from.
 */
class ConnectionSettingsTest {
  @TempDir Path dir;

  @Test
  void settingsWinOverTheEnvironmentWhichFillsTheRest() {
    Map<String, String> env =
        Map.of("PGHOST", "db.example", "PGPORT", "6543", "PGUSER", "alice", "PGSSLMODE", "require");
    ConnectionSettings s =
        ConnectionSettings.of(Json.parseObject("{\"host\": \"other.example\"}"), env::get);
    assertThat(s.endpoint()).isEqualTo("postgresql://alice@other.example:6543/alice");
    assertThat(s.sslmode()).isEqualTo("require");
    assertThat(
            new PostgresProviderFactory(env::get)
                .overriddenEnvironment(
                    "postgresql", Json.parseObject("{\"host\": \"other.example\"}")))
        .containsExactly("postgresql: host from the deployment file overrides $PGHOST");
  }

  @Test
  void thePasswordComesFromTheReferenceThenPgpasswordThenThePgpassFile() throws Exception {
    Path pgpass = dir.resolve("pgpass");
    Files.writeString(
        pgpass,
        "# comment\nother:5432:*:bob:nope\ndb.example:5432:app:bob:pa\\:ss\\\\word\n*:*:*:*:fallback\n");
    Map<String, String> env =
        Map.of(
            "PGHOST",
            "db.example",
            "PGUSER",
            "bob",
            "PGPASSFILE",
            pgpass.toString(),
            "DB_PW",
            "from-env-ref");
    ConnectionSettings plain = ConnectionSettings.of(Json.object(), env::get);
    assertThat(new PasswordLookup(plain, env::get).password("app")).contains("pa:ss\\word");
    assertThat(new PasswordLookup(plain, env::get).password("other")).contains("fallback");
    Map<String, String> withPg = new java.util.HashMap<>(env);
    withPg.put("PGPASSWORD", "from-pgpassword");
    assertThat(new PasswordLookup(plain, withPg::get).password("app")).contains("from-pgpassword");
    ConnectionSettings ref =
        ConnectionSettings.of(Json.parseObject("{\"passwordEnv\": \"DB_PW\"}"), env::get);
    assertThat(new PasswordLookup(ref, withPg::get).password("app")).contains("from-env-ref");
    Files.writeString(dir.resolve("pw"), "from-file\n");
    ConnectionSettings file =
        ConnectionSettings.of(
            Json.parseObject("{\"passwordFile\": \"" + dir.resolve("pw") + "\"}"), env::get);
    assertThat(new PasswordLookup(file, withPg::get).password("app")).contains("from-file");
    ConnectionSettings missing =
        ConnectionSettings.of(Json.parseObject("{\"passwordEnv\": \"NOT_SET_AT_ALL\"}"), env::get);
    assertThatThrownBy(() -> new PasswordLookup(missing, env::get).password("app"))
        .hasMessageContaining("$NOT_SET_AT_ALL");
  }

  @Test
  void aServerThatIsNotThereFailsTheProbeSayingWhatToSet() {
    Map<String, String> env = Map.of("PGHOST", "127.0.0.1", "PGPORT", "1", "PGUSER", "postgres");
    PostgresProvider p =
        (PostgresProvider)
            new PostgresProviderFactory(env::get).create("postgresql", Json.object());
    assertThatThrownBy(p::probe)
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("postgresql://postgres@127.0.0.1:1/postgres")
        .hasMessageContaining("SQLSTATE 08001")
        .hasMessageContaining("PGHOST/PGPORT");
  }

  @Test
  void theRealServerAnswersTheProbe() {
    TestServer.provider().probe();
  }

  @Test
  void aUnixSocketDirectoryIsRefusedWithAReason() {
    Map<String, String> env = Map.of("PGHOST", "/var/run/postgresql");
    assertThatThrownBy(
            () -> new PostgresProviderFactory(env::get).create("postgresql", Json.object()))
        .hasMessageContaining("Unix socket");
  }
}
