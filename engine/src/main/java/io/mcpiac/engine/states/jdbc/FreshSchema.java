package io.mcpiac.engine.states.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The current schema written into a database that has no tables yet, in one transaction, without
 * starting Flyway: a first run on a new state file (every CI job, every new user) otherwise pays
 * Flyway's start, about 400 classes and 0.3 s. What it leaves is what Flyway would have left: the
 * same tables and indexes, and Flyway's schema history with the same rows and checksums, so that
 * Flyway validates the database and adds later migrations to it as if it had made it ({@code
 * MigrationsTest} compares the two).
 *
 * <p>The migration files are read with a small splitter: a statement ends with {@code ;} at the end
 * of a line, and {@code --} comments stand on lines of their own. A file outside that shape makes
 * the comparison test fail.
 */
public final class FreshSchema {
  /**
   * How a dialect supports this: {@code countTables} answers how many tables the database has,
   * {@code create} makes Flyway's history table exactly as Flyway would on it.
   */
  public record HistoryTable(String countTables, List<String> create) {
    public HistoryTable {
      create = List.copyOf(create);
    }
  }

  private FreshSchema() {}

  /**
   * Writes the schema if the database is new and the dialect supports it. True when the database
   * holds the current schema afterwards (written here, or by another process that was first); false
   * leaves it to Flyway.
   */
  static boolean create(SqlDialect dialect, List<String> scripts) {
    if (dialect.historyTable().isEmpty()) {
      return false;
    }
    HistoryTable history = dialect.historyTable().get();
    try (Connection c = dialect.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(dialect.beginWrite().orElse("BEGIN"));
      try {
        if (!isEmpty(s, history)) {
          s.execute("ROLLBACK");
          return Migrations.isCurrent(dialect);
        }
        for (String ddl : history.create()) {
          s.execute(ddl);
        }
        int rank = 0;
        for (String script : scripts) {
          String text = read(script);
          long started = System.nanoTime();
          for (String statement : statements(text, dialect.migrationPlaceholders(), script)) {
            s.execute(statement);
          }
          record(c, ++rank, script, checksum(text), (System.nanoTime() - started) / 1_000_000);
        }
        s.execute("COMMIT");
        return true;
      } catch (SQLException | RuntimeException e) {
        try {
          s.execute("ROLLBACK");
        } catch (SQLException alreadyEnded) {
          e.addSuppressed(alreadyEnded);
        }
        throw e;
      }
    } catch (SQLException e) {
      // Busy beyond the timeout, damaged, unreadable: Flyway tries, retries and names the failure.
      return false;
    }
  }

  private static boolean isEmpty(Statement s, HistoryTable history) throws SQLException {
    try (ResultSet rows = s.executeQuery(history.countTables())) {
      return rows.next() && rows.getLong(1) == 0;
    }
  }

  /** One row of Flyway's history, as Flyway writes it for a versioned SQL migration. */
  private static void record(Connection c, int rank, String script, int checksum, long millis)
      throws SQLException {
    String version = Migrations.version(script);
    String description =
        script
            .substring(script.indexOf("__") + 2, script.length() - ".sql".length())
            .replace('_', ' ');
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                + " script, checksum, installed_by, execution_time, success)"
                + " VALUES (?, ?, ?, 'SQL', ?, ?, '', ?, 1)")) {
      insert.setInt(1, rank);
      insert.setString(2, version);
      insert.setString(3, description);
      insert.setString(4, script);
      insert.setInt(5, checksum);
      insert.setLong(6, millis);
      insert.executeUpdate();
    }
  }

  static String read(String script) {
    String path = "db/migration/" + script;
    try (InputStream in = FreshSchema.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("migration " + path + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Flyway's checksum: CRC-32 of the UTF-8 bytes of each line without its line break (so line
   * endings do not matter), a byte-order mark left out, as a signed int.
   */
  static int checksum(String text) {
    CRC32 crc = new CRC32();
    try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
      String line = lines.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      for (; line != null; line = lines.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) crc.getValue();
  }

  /** The statements of a migration file, its {@code ${name}} placeholders filled in. */
  static List<String> statements(String text, Map<String, String> placeholders, String script) {
    List<String> out = new ArrayList<>();
    StringBuilder statement = new StringBuilder();
    for (String line : text.split("\r?\n|\r")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      statement.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        out.add(fill(statement.toString().strip(), placeholders, script));
        statement.setLength(0);
      }
    }
    if (!statement.toString().isBlank()) {
      out.add(fill(statement.toString().strip(), placeholders, script));
    }
    return out;
  }

  private static String fill(String statement, Map<String, String> placeholders, String script) {
    String filled =
        statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement;
    for (Map.Entry<String, String> p : placeholders.entrySet()) {
      filled = filled.replace("${" + p.getKey() + "}", p.getValue());
    }
    if (filled.contains("${")) {
      throw new IllegalStateException(script + ": a placeholder has no value: " + filled);
    }
    return filled;
  }
}
