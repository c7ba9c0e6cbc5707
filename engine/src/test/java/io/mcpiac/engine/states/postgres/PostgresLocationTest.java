package io.mcpiac.engine.states.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresLocationTest {
  @TempDir Path directory;

  @Test
  void everyPartIsRead() {
    PostgresLocation location =
        PostgresLocation.parse(
            "postgresql://ci:p%40ss@db.example:6543/state?sslmode=require", Map.of());

    assertThat(location.user()).isEqualTo("ci");
    assertThat(location.password()).isEqualTo("p@ss");
    assertThat(location.host()).isEqualTo("db.example");
    assertThat(location.port()).isEqualTo(6543);
    assertThat(location.database()).isEqualTo("state");
    assertThat(location.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example:6543/state?sslmode=require");
    assertThat(location.display()).isEqualTo("postgresql://ci@db.example:6543/state");
    assertThat(location.toString()).doesNotContain("p@ss");
  }

  @Test
  void defaultsArePostgresqlsOwn() {
    PostgresLocation location =
        PostgresLocation.parse(
            "postgres://db.example", Map.of("PGUSER", "team", "PGPASSWORD", "from-env"));

    assertThat(location.user()).isEqualTo("team");
    assertThat(location.port()).isEqualTo(5432);
    assertThat(location.database()).isEqualTo("team");
    assertThat(location.password()).isEqualTo("from-env");
    assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/team");
  }

  @Test
  void aPasswordInTheLocationWinsOverTheEnvironment() {
    assertThat(
            PostgresLocation.parse("postgresql://ci:mine@h/db", Map.of("PGPASSWORD", "env"))
                .password())
        .isEqualTo("mine");
  }

  @Test
  void withoutAPasswordThePasswordFileIsRead() throws Exception {
    Path pgpass = directory.resolve("pgpass");
    Files.writeString(pgpass, "db.example:5432:state:ci:from-file\n");
    String previous = System.getProperty("org.postgresql.pgpassfile");
    System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
    try {
      assertThat(PostgresLocation.parse("postgresql://ci@db.example/state", Map.of()).password())
          .isEqualTo("from-file");
    } finally {
      if (previous == null) {
        System.clearProperty("org.postgresql.pgpassfile");
      } else {
        System.setProperty("org.postgresql.pgpassfile", previous);
      }
    }
  }

  @Test
  void malformedLocationsAreRefused() {
    assertThatThrownBy(() -> PostgresLocation.parse("postgresql:///state", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host");
    assertThatThrownBy(() -> PostgresLocation.parse("mysql://h/db", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PostgresLocation.parse("postgresql://h h/db", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
