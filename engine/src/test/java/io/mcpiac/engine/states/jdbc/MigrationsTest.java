package io.mcpiac.engine.states.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.engine.states.sqlite.SqliteDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path dir;

  @Test
  void latestVersionIsTheNewestMigrationFile() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      int newest =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.*\\.sql"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max()
              .orElseThrow();
      assertThat(Migrations.LATEST_VERSION).isEqualTo(String.valueOf(newest));
    }
  }

  @Test
  void aNewFileIsNotCurrentAndAMigratedOneIs() {
    Path file = dir.resolve("state.db");
    assertThat(Migrations.isCurrent(new SqliteDialect(file))).isFalse();
    try (StateStore store = StateStores.open("sqlite:" + file)) {
      assertThat(store.deployments()).isEmpty();
    }
    assertThat(Migrations.isCurrent(new SqliteDialect(file))).isTrue();
    // opened again without Flyway, the store still works
    try (StateStore store = StateStores.open("sqlite:" + file)) {
      store.beginVersion("d");
      assertThat(store.version("d")).isEqualTo(1);
    }
  }
}
