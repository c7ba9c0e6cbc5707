package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/mysql-app.yaml} as a user runs it: {@code mcp-iac} as a separate process with the
 * server's address and the passwords in its environment, against the real MariaDB server of
 * scripts/start-mariadb.sh; and {@code mcp-iac serve --provider mysql} answering an MCP client.
 * What was made is checked in the server's catalog and by logging in. Skipped without the server,
 * unless {@code MCP_IAC_REQUIRE_MYSQL=1}.
 */
class MysqlExampleTest {
  @TempDir Path dir;

  private String address;
  private String adminPassword;
  private final String app = "ex" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
  private Connection admin;

  @BeforeEach
  void server() throws Exception {
    address = System.getenv("MCP_IAC_TEST_MYSQL");
    adminPassword = System.getenv("MCP_IAC_TEST_MYSQL_PASSWORD");
    Path files = Path.of("/tmp/mcp-iac-mariadb");
    if (address == null && Files.exists(files.resolve("port"))) {
      address = "127.0.0.1:" + Files.readString(files.resolve("port")).trim();
      adminPassword = Files.readString(files.resolve("password")).trim();
    }
    String why = address == null ? "MCP_IAC_TEST_MYSQL is not set" : null;
    if (why == null) {
      try {
        admin =
            DriverManager.getConnection("jdbc:mariadb://" + address + "/", "mcpiac", adminPassword);
      } catch (SQLException e) {
        why = "no MariaDB at " + address + ": " + e.getMessage();
      }
    }
    if (why != null) {
      if ("1".equals(System.getenv("MCP_IAC_REQUIRE_MYSQL"))) {
        fail("MCP_IAC_REQUIRE_MYSQL=1 but " + why);
      }
      Assumptions.abort(why + " (source scripts/start-mariadb.sh)");
    }
  }

  @AfterEach
  void cleanUp() throws SQLException {
    if (admin != null) {
      sql("DROP DATABASE IF EXISTS `" + app + "`");
      sql("DROP USER IF EXISTS '" + app + "_owner'@'%', '" + app + "_reader'@'%'");
      admin.close();
    }
  }

  private void sql(String statement) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute(statement);
    }
  }

  private List<String> column(String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = admin.createStatement();
        ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  private Map<String, String> environment() {
    int colon = address.lastIndexOf(':');
    return Map.of(
        "MCP_IAC_MYSQL_HOST",
        address.substring(0, colon),
        "MCP_IAC_MYSQL_PORT",
        address.substring(colon + 1),
        "MCP_IAC_MYSQL_USER",
        "mcpiac",
        "MCP_IAC_MYSQL_PASSWORD",
        adminPassword,
        "APP_OWNER_PASSWORD",
        "owner's secret",
        "APP_READER_PASSWORD",
        "reader's secret");
  }

  private ProcessBuilder mcpIac(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("MCP_IAC_") || k.startsWith("MYSQL"));
    pb.environment().putAll(environment());
    return pb;
  }

  private record Ran(int exit, String out) {}

  private Ran run(String... args) throws Exception {
    Path log = dir.resolve("out-" + UUID.randomUUID() + ".txt");
    Process p = mcpIac(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("mcp-iac %s finished", List.of(args)).isTrue();
    return new Ran(p.exitValue(), Files.readString(log));
  }

  @Test
  void theExampleAppliesConvergesAndIsDestroyed() throws Exception {
    String state = "sqlite:" + dir.resolve("state.db");
    String example = Path.of("../examples/mysql-app.yaml").toAbsolutePath().toString();
    Ran apply = run("apply", "-f", example, "--var", "app=" + app, "--yes", "--state", state);
    assertThat(apply.exit()).as(apply.out()).isZero();
    assertThat(apply.out())
        .contains("owner = \"'" + app + "_owner'@'%'\"")
        .doesNotContain("secret");

    assertThat(column("SHOW GRANTS FOR '" + app + "_owner'@'%'"))
        .contains("GRANT ALL PRIVILEGES ON `" + app + "`.* TO `" + app + "_owner`@`%`");
    assertThat(column("SHOW GRANTS FOR '" + app + "_reader'@'%'"))
        .contains("GRANT SELECT, SHOW VIEW ON `" + app + "`.* TO `" + app + "_reader`@`%`");
    assertThat(
            column(
                "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME"
                    + " = '"
                    + app
                    + "'"))
        .containsExactly("utf8mb4_unicode_ci");
    // the owner makes a table, the reader reads it and may not write
    try (Connection owner =
            DriverManager.getConnection(
                "jdbc:mariadb://" + address + "/" + app, app + "_owner", "owner's secret");
        Statement s = owner.createStatement()) {
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
      s.execute("INSERT INTO orders VALUES (1)");
    }
    try (Connection reader =
            DriverManager.getConnection(
                "jdbc:mariadb://" + address + "/" + app, app + "_reader", "reader's secret");
        Statement s = reader.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM orders")) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(1);
      }
      int refused = 0;
      try {
        s.execute("DELETE FROM orders");
      } catch (SQLException e) {
        refused = e.getErrorCode();
      }
      assertThat(refused)
          .as("the reader may not delete: ER_TABLEACCESS_DENIED_ERROR")
          .isEqualTo(1142);
    }

    Ran plan =
        run("plan", "-f", example, "--var", "app=" + app, "--state", state, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out()).isZero();

    Ran destroy =
        run(
            "destroy",
            "mysql-app",
            "-f",
            example,
            "--var",
            "app=" + app,
            "--yes",
            "--state",
            state);
    assertThat(destroy.exit()).as(destroy.out()).isZero();
    assertThat(
            column(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '"
                    + app
                    + "'"))
        .isEmpty();
    assertThat(column("SELECT User FROM mysql.global_priv WHERE User LIKE '" + app + "%'"))
        .isEmpty();
  }

  /**
   * Two instances: the default one from the environment, a second one from spec.providers with its
   * password in a variable the file names. Both point at the test server (there is one here).
   */
  @Test
  void severalServersAsInstances() throws Exception {
    int colon = address.lastIndexOf(':');
    Path file = dir.resolve("two.yaml");
    Files.writeString(
        file,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: two}
        spec:
          providers:
            mysql/second: {host: "%s", port: %s, user: mcpiac, passwordEnv: SECOND_ADMIN_PW}
          resources:
            - type: mysql:database
              name: first
              properties: {name: %s}
            - type: mysql:database
              name: second
              provider: mysql/second
              properties: {name: %s_2}
        """
            .formatted(address.substring(0, colon), address.substring(colon + 1), app, app));
    String state = "sqlite:" + dir.resolve("state.db");
    ProcessBuilder pb = mcpIac("apply", "-f", file.toString(), "--yes", "--state", state);
    pb.environment().put("SECOND_ADMIN_PW", adminPassword);
    Path log = dir.resolve("two.log");
    Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    try {
      assertThat(
              column(
                  "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '"
                      + app
                      + "%' ORDER BY 1"))
          .containsExactly(app, app + "_2");
      // without its variable the second instance has no password, and says which variable
      Ran refused = run("plan", "-f", file.toString(), "--state", state);
      assertThat(refused.exit()).as(refused.out()).isNotZero();
      assertThat(refused.out())
          .contains("mysql/second.passwordEnv names $SECOND_ADMIN_PW, which is not set");
    } finally {
      sql("DROP DATABASE IF EXISTS `" + app + "_2`");
    }
  }

  @Test
  void serveProviderMysqlPlansAgainstTheServerForAnMcpClient() throws Exception {
    ProcessBuilder pb =
        mcpIac("serve", "--provider", "mysql", "--state", "sqlite:" + dir.resolve("s.db"));
    pb.redirectError(dir.resolve("serve.err").toFile());
    Process p = pb.start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      send(
          p,
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
              + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
              + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
      assertThat(out.readLine()).contains("\"id\":1", "serverInfo");
      send(p, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      String deployment =
          "apiVersion: iac.mcp/v1\\nkind: Deployment\\nmetadata: {name: served}\\nspec:\\n"
              + "  resources:\\n    - type: mysql:database\\n      name: db\\n"
              + "      properties: {name: "
              + app
              + "}\\n";
      send(
          p,
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
              + "{\"name\":\"planDeployment\",\"arguments\":{\"deployment\":\""
              + deployment
              + "\"}}}");
      String answer = readAnswer(out, 2);
      assertThat(answer).contains("\"success\":true").contains("mysql:database");
      assertThat(answer).containsPattern("\"create\"\\s*:\\s*1|1 to add");
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void send(Process p, String line) throws Exception {
    p.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().flush();
  }

  /** The response with {@code id}, past notifications. */
  private static String readAnswer(BufferedReader out, int id) throws Exception {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.contains("\"id\":" + id + ",") || line.contains("\"id\":" + id + "}")) {
        return line;
      }
    }
    throw new AssertionError("no answer with id " + id);
  }
}
