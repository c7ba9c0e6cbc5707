package io.mcpiac.engine.states.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.engine.states.sqlite.SqliteDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path dir;

  @Test
  void theListedScriptsAreEveryMigrationFileInOrder() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      List<String> onDisk =
          files
              .map(f -> f.getFileName().toString())
              .sorted(Comparator.comparingInt(n -> Integer.parseInt(Migrations.version(n))))
              .toList();
      assertThat(Migrations.SCRIPTS).isEqualTo(onDisk);
      assertThat(Migrations.LATEST_VERSION)
          .isEqualTo(Migrations.version(onDisk.get(onDisk.size() - 1)));
    }
  }

  /**
   * A new file gets its schema without Flyway; what it gets must be what Flyway makes: the same
   * tables, indexes and history rows (checksums included), or a later Flyway run refuses it.
   */
  @Test
  void aFreshSchemaIsWhatFlywayMakes() throws Exception {
    Path byFlyway = dir.resolve("flyway.db");
    SqliteDialect flywayDialect = new SqliteDialect(byFlyway);
    flyway(flywayDialect, Migrations.LOCATION).migrate();
    Path fresh = dir.resolve("fresh.db");
    assertThat(FreshSchema.create(new SqliteDialect(fresh), Migrations.SCRIPTS)).isTrue();
    try (StateStore store = StateStores.open("sqlite:" + fresh)) {
      assertThat(store.deployments()).isEmpty();
    }
    assertThat(catalog(fresh)).isEqualTo(catalog(byFlyway)).isNotEmpty();
    String history =
        "SELECT installed_rank, version, description, type, script, checksum, installed_by,"
            + " success FROM flyway_schema_history ORDER BY installed_rank";
    assertThat(rows(fresh, history)).isEqualTo(rows(byFlyway, history)).hasSize(3);
    // and Flyway takes it as its own: validates it, finds nothing to do
    Flyway again = flyway(new SqliteDialect(fresh), Migrations.LOCATION);
    again.validate();
    assertThat(again.migrate().migrationsExecuted).isZero();
  }

  @Test
  void flywayAddsALaterMigrationToAFreshSchema() throws Exception {
    Path fresh = dir.resolve("fresh.db");
    try (StateStore store = StateStores.open("sqlite:" + fresh)) {
      store.beginVersion("d");
    }
    Path later = Files.createDirectories(dir.resolve("migrations"));
    for (String script : Migrations.SCRIPTS) {
      Files.writeString(later.resolve(script), FreshSchema.read(script));
    }
    Files.writeString(later.resolve("V99__later.sql"), "ALTER TABLE locks ADD COLUMN note TEXT;\n");
    assertThat(flyway(new SqliteDialect(fresh), "filesystem:" + later).migrate().migrationsExecuted)
        .isEqualTo(1);
    assertThat(rows(fresh, "SELECT count(*) FROM pragma_table_info('locks') WHERE name = 'note'"))
        .containsExactly(List.of("1"));
  }

  @Test
  void aMigrationFileIsSplitIntoItsStatementsWithPlaceholdersFilled() {
    assertThat(
            FreshSchema.statements(
                "-- a comment; with a semicolon\nCREATE TABLE t (\n  id ${id}\n);\n\n"
                    + "CREATE INDEX i ON t (id) WHERE id > 0;\r\n",
                Map.of("id", "BIGINT"),
                "V1__t.sql"))
        .containsExactly(
            "CREATE TABLE t (\n  id BIGINT\n)", "CREATE INDEX i ON t (id) WHERE id > 0");
  }

  @Test
  void theChecksumIsFlywaysWhateverTheLineEndings() throws Exception {
    Path byFlyway = dir.resolve("flyway.db");
    flyway(new SqliteDialect(byFlyway), Migrations.LOCATION).migrate();
    String text = FreshSchema.read(Migrations.SCRIPTS.get(0));
    assertThat(rows(byFlyway, "SELECT checksum FROM flyway_schema_history WHERE version = '1'"))
        .containsExactly(List.of(String.valueOf(FreshSchema.checksum(text))));
    assertThat(FreshSchema.checksum(text.replace("\n", "\r\n")))
        .isEqualTo(FreshSchema.checksum("\uFEFF" + text));
  }

  private static Flyway flyway(SqliteDialect dialect, String location) {
    return Flyway.configure(MigrationsTest.class.getClassLoader())
        .dataSource(dialect.dataSource())
        .locations(location)
        .placeholders(dialect.migrationPlaceholders())
        .load();
  }

  /** Every table and index with its SQL, as SQLite keeps them. */
  private static List<List<String>> catalog(Path file) throws Exception {
    return rows(file, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name");
  }

  private static List<List<String>> rows(Path file, String sql) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getString(i));
        }
        out.add(row);
      }
    }
    return out;
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
