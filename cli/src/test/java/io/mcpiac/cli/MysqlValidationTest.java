package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in a MySQL deployment are reported at once, with file and line, and touch nothing. */
class MysqlValidationTest {
  @TempDir Path dir;

  @Test
  void everyMistakeIsNamedWithFileLineResourceAndProperty() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: bad}
        spec:
          resources:
            - type: mysql:database
              name: sys
              properties: {name: mysql}
            - type: mysql:user
              name: app
              properties: {authPlugin: caching_sha2_password, password: "${secret.env:APP_PW}"}
            - type: mysql:grant
              name: app-all
              properties: {user: "${app.user}", database: "*", table: orders, privileges: [ALL, select]}
        """);
    Cli.Run run = Cli.run("validate", "-f", file.toString());
    assertThat(run.exit()).as(run.printed()).isEqualTo(2);
    String out = run.printed();
    assertThat(out)
        .contains(
            "bad.yaml:8: resource 'sys', property 'properties.name': 'mysql' is one of the"
                + " server's own databases")
        .contains("bad.yaml:11: resource 'app', property 'properties.authPlugin'")
        .contains(
            "bad.yaml:14: resource 'app-all', property 'properties.privileges': ALL PRIVILEGES"
                + " already holds the others")
        .contains(
            "bad.yaml:14: resource 'app-all', property 'properties.table': a table needs its database");
  }

  @Test
  void connectionSettingsAreCheckedAndHoldNoPassword() throws Exception {
    Path file = dir.resolve("settings.yaml");
    Files.writeString(
        file,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: settings}
        spec:
          providers:
            mysql: {hots: db.lan, password: hunter2, port: "3306"}
          resources:
            - type: mysql:database
              name: app
        """);
    Cli.Run run = Cli.run("validate", "-f", file.toString());
    assertThat(run.exit()).as(run.printed()).isEqualTo(2);
    assertThat(run.printed())
        .contains("settings.yaml:6: spec.providers.mysql.hots")
        .contains("(did you mean 'host'?)")
        .contains("settings.yaml:6: spec.providers.mysql.password")
        .contains("spec.providers.mysql.port")
        .doesNotContain("hunter2");
  }
}
