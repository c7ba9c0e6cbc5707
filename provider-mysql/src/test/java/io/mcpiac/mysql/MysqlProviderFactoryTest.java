package io.mcpiac.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.mysql.client.MysqlSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an instance connects, as whom, and where its password comes from (never the file). */
class MysqlProviderFactoryTest {
  @TempDir Path dir;

  private static MysqlSettings settings(Map<String, String> env, String instance, String json) {
    return new MysqlProviderFactory(env::get)
        .settings(instance, Json.parseObject(json), Path.of("/base"));
  }

  @Test
  void theDefaultInstanceReadsOurVariablesThenTheMysqlClientsOnes() {
    MysqlSettings s =
        settings(
            Map.of("MYSQL_HOST", "db.lan", "MYSQL_TCP_PORT", "3307", "MYSQL_PWD", "client pw"),
            "mysql",
            "{}");
    assertThat(s.endpoint()).isEqualTo("mysql://root@db.lan:3307");
    assertThat(s.password()).isEqualTo("client pw");
    assertThat(s.passwordSource()).isEqualTo("$MYSQL_PWD");

    MysqlSettings ours =
        settings(
            Map.of(
                "MYSQL_HOST", "db.lan",
                "MCP_IAC_MYSQL_HOST", "other.lan",
                "MCP_IAC_MYSQL_USER", "admin",
                "MYSQL_PWD", "client pw",
                "MCP_IAC_MYSQL_PASSWORD", "our pw"),
            "mysql",
            "{}");
    assertThat(ours.endpoint()).isEqualTo("mysql://admin@other.lan:3306");
    assertThat(ours.password()).isEqualTo("our pw");
  }

  @Test
  void anotherInstanceNeverGetsTheDefaultInstancesPassword() {
    MysqlSettings s =
        settings(
            Map.of("MCP_IAC_MYSQL_PASSWORD", "default pw", "MYSQL_PWD", "client pw"),
            "mysql/reports",
            "{\"host\": \"reports.lan\"}");
    assertThat(s.password()).isNull();
    MysqlSettings own =
        settings(Map.of("MCP_IAC_MYSQL_REPORTS_PASSWORD", "reports pw"), "mysql/reports", "{}");
    assertThat(own.password()).isEqualTo("reports pw");
    assertThat(MysqlProviderFactory.passwordVariables("mysql/reports"))
        .isEqualTo("MCP_IAC_MYSQL_REPORTS_PASSWORD");
  }

  @Test
  void passwordEnvAndPasswordFileAreReferencesNotSecrets() throws Exception {
    MysqlSettings fromEnv =
        settings(Map.of("DB_ADMIN_PW", "env pw"), "mysql", "{\"passwordEnv\": \"DB_ADMIN_PW\"}");
    assertThat(fromEnv.password()).isEqualTo("env pw");
    assertThatThrownBy(() -> settings(Map.of(), "mysql", "{\"passwordEnv\": \"NOT_SET\"}"))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("passwordEnv names $NOT_SET, which is not set");

    Files.writeString(dir.resolve("admin.pw"), "file pw\n");
    MysqlSettings fromFile =
        new MysqlProviderFactory(k -> null)
            .settings("mysql", Json.parseObject("{\"passwordFile\": \"admin.pw\"}"), dir);
    assertThat(fromFile.password()).isEqualTo("file pw");
    assertThat(fromFile.toString()).doesNotContain("file pw");
  }

  @Test
  void aSettingInTheFileThatOverridesTheEnvironmentIsNamed() {
    assertThat(
            new MysqlProviderFactory(Map.of("MCP_IAC_MYSQL_HOST", "env.lan")::get)
                .overriddenEnvironment("mysql", Json.parseObject("{\"host\": \"file.lan\"}")))
        .containsExactly("mysql: host from the deployment file overrides $MCP_IAC_MYSQL_HOST");
  }

  @Test
  void aWrongPasswordSaysWhereItCameFrom() {
    RealMariaDb server = RealMariaDb.require();
    try (MysqlProvider p =
        new MysqlProvider(
            new MysqlProviderFactory(Map.of("MCP_IAC_MYSQL_PASSWORD", "wrong")::get)
                .settings(
                    "mysql",
                    Json.parseObject(
                        "{\"host\": \""
                            + server.host
                            + "\", \"port\": "
                            + server.port
                            + ", \"user\": \"mcpiac\"}"),
                    dir))) {
      assertThatThrownBy(p::probe)
          .hasMessageContaining("ERROR 1045 (28000)")
          .hasMessageContaining("from $MCP_IAC_MYSQL_PASSWORD")
          .hasMessageNotContaining("wrong");
    } finally {
      try {
        server.close();
      } catch (Exception ignored) {
        // nothing was made
      }
    }
  }
}
