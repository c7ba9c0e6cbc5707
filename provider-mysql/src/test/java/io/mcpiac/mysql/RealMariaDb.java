package io.mcpiac.mysql;

import static org.junit.jupiter.api.Assertions.fail;

import io.mcpiac.engine.json.Json;
import io.mcpiac.mysql.client.MysqlSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MariaDB server scripts/start-mariadb.sh started ({@code MCP_IAC_TEST_MYSQL}, {@code
 * MCP_IAC_TEST_MYSQL_PASSWORD}, else the files it leaves in {@code /tmp/mcp-iac-mariadb}). Tests
 * are skipped without one, unless {@code MCP_IAC_REQUIRE_MYSQL=1} (CI) makes that a failure.
 *
 * <p>Every object a test makes is named with {@link #run()}'s prefix; {@link #close()} drops what
 * is left. Catalog checks and changes behind the provider's back go through the administrator's own
 * connection, never through the provider.
 */
final class RealMariaDb implements AutoCloseable {
  final String host;
  final int port;
  final String password;
  private final String run = "t" + UUID.randomUUID().toString().substring(0, 6);
  private final Connection admin;

  private RealMariaDb(String host, int port, String password) throws SQLException {
    this.host = host;
    this.port = port;
    this.password = password;
    this.admin = connect("mcpiac", password);
  }

  static RealMariaDb require() {
    String where = System.getenv("MCP_IAC_TEST_MYSQL");
    String password = System.getenv("MCP_IAC_TEST_MYSQL_PASSWORD");
    Path dir = Path.of(System.getenv().getOrDefault("MCP_IAC_MARIADB_DIR", "/tmp/mcp-iac-mariadb"));
    try {
      if (where == null && Files.exists(dir.resolve("port"))) {
        where = "127.0.0.1:" + Files.readString(dir.resolve("port")).trim();
        password = Files.readString(dir.resolve("password")).trim();
      }
      if (where == null) {
        return unavailable("MCP_IAC_TEST_MYSQL is not set (source scripts/start-mariadb.sh)");
      }
      int colon = where.lastIndexOf(':');
      return new RealMariaDb(
          where.substring(0, colon), Integer.parseInt(where.substring(colon + 1)), password);
    } catch (Exception e) {
      return unavailable("no MariaDB at " + where + ": " + e);
    }
  }

  private static RealMariaDb unavailable(String why) {
    if ("1".equals(System.getenv("MCP_IAC_REQUIRE_MYSQL"))) {
      fail("MCP_IAC_REQUIRE_MYSQL=1 but " + why);
    }
    Assumptions.abort(why);
    return null;
  }

  /** The prefix of every name this test makes. */
  String run() {
    return run;
  }

  Connection connect(String user, String pw) throws SQLException {
    return DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/", user, pw);
  }

  /** The provider's settings for the administrator, as the factory would make them. */
  MysqlSettings settings() {
    return new MysqlProviderFactory(
            name ->
                switch (name) {
                  case "MCP_IAC_MYSQL_PASSWORD" -> password;
                  default -> null;
                })
        .settings(
            "mysql",
            Json.parseObject(
                "{\"host\": \"" + host + "\", \"port\": " + port + ", \"user\": \"mcpiac\"}"),
            Path.of("").toAbsolutePath());
  }

  MysqlProvider provider() {
    return new MysqlProvider(settings());
  }

  void sql(String statement) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute(statement);
    }
  }

  /** The first column of every row, as text. */
  List<String> column(String query, Object... params) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p = admin.prepareStatement(query)) {
      for (int i = 0; i < params.length; i++) {
        p.setObject(i + 1, params[i]);
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
    }
    return out;
  }

  /** Loads MariaDB's ed25519 authentication plugin unless it is loaded already. */
  void ensureEd25519() throws SQLException {
    if (column("SELECT PLUGIN_NAME FROM information_schema.PLUGINS WHERE PLUGIN_NAME = 'ed25519'")
        .isEmpty()) {
      sql("INSTALL SONAME 'auth_ed25519'");
    }
  }

  /** Ends every session of the administrator's user but this helper's own, as a restart would. */
  void killOtherSessions() throws SQLException {
    for (String id :
        column(
            "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'mcpiac' AND ID <>"
                + " CONNECTION_ID()")) {
      sql("KILL CONNECTION " + id);
    }
  }

  /** What the server's catalog says about an account. */
  String authenticationString(String user, String host) throws SQLException {
    List<String> v =
        column(
            "SELECT JSON_VALUE(Priv, '$.authentication_string') FROM mysql.global_priv"
                + " WHERE User = ? AND Host = ?",
            user,
            host);
    return v.isEmpty() ? null : v.get(0);
  }

  List<String> grants(String user, String host) throws SQLException {
    return column("SHOW GRANTS FOR '" + user + "'@'" + host + "'");
  }

  @Override
  public void close() throws SQLException {
    try {
      for (String db :
          column(
              "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?",
              run + "%")) {
        sql("DROP DATABASE IF EXISTS `" + db + "`");
      }
      for (String account :
          column(
              "SELECT CONCAT('''', User, '''@''', Host, '''') FROM mysql.global_priv WHERE User"
                  + " LIKE ?",
              run + "%")) {
        sql("DROP USER IF EXISTS " + account);
      }
    } finally {
      admin.close();
    }
  }
}
