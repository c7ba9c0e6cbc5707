package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.DeploymentSummary;
import io.mcpiac.engine.states.VersionWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code deployments} and {@code versions} tables: which versions exist, and when. */
final class DeploymentTable {
  private static final String FIND = "SELECT version, updated_at FROM deployments WHERE name = ?";
  private static final String NEXT_VERSION =
      "INSERT INTO deployments (name, version, updated_at, status) VALUES (?, 1, ?, 'active')"
          + " ON CONFLICT (name) DO UPDATE"
          + " SET version = deployments.version + 1, updated_at = excluded.updated_at"
          + " RETURNING version";
  // who began the version: the lock's holder, read in the same transaction (no holder: NULL)
  private static final String INSERT_VERSION =
      "INSERT INTO versions (deployment, version, started_at, updated_at, written_by, operation)"
          + " VALUES (?, ?, ?, ?,"
          + " (SELECT owner FROM locks WHERE deployment = ?),"
          + " (SELECT operation FROM locks WHERE deployment = ?))";
  private static final String VERSION_WRITER =
      "SELECT written_by, operation FROM versions WHERE deployment = ? AND version = ?";
  private static final String TOUCH_CURRENT =
      "UPDATE deployments SET updated_at = ? WHERE name = ? AND version = ?";
  private static final String SEAL_CURRENT_VERSION =
      "UPDATE versions SET updated_at ="
          + " (SELECT d.updated_at FROM deployments d WHERE d.name = versions.deployment)"
          + " WHERE deployment = ? AND version ="
          + " (SELECT d.version FROM deployments d WHERE d.name = versions.deployment)";
  private static final String VERSION_UPDATED =
      "SELECT updated_at FROM versions WHERE deployment = ? AND version = ?";
  private static final String SUMMARIES =
      "SELECT d.name, d.version, d.updated_at,"
          + " (SELECT COUNT(*) FROM resources r"
          + "  WHERE r.deployment = d.name AND r.valid_to IS NULL) AS live"
          + " FROM deployments d ORDER BY d.name";

  /** A deployment's current version and last write. */
  record Current(long version, Instant updatedAt) {}

  private final Database database;

  DeploymentTable(Database database) {
    this.database = database;
  }

  Optional<Current> find(String deployment) throws SQLException {
    PreparedStatement find = database.statement(FIND);
    find.setString(1, deployment);
    try (ResultSet row = find.executeQuery()) {
      return row.next()
          ? Optional.of(new Current(row.getLong("version"), Millis.instant(row, "updated_at")))
          : Optional.empty();
    }
  }

  /**
   * Creates the deployment if needed and starts its next version. The version that ends keeps its
   * last write time: writes only touch the deployment's row, which saves a statement each.
   */
  long beginVersion(String deployment, Instant now) throws SQLException {
    PreparedStatement seal = database.statement(SEAL_CURRENT_VERSION);
    seal.setString(1, deployment);
    seal.executeUpdate();
    PreparedStatement next = database.statement(NEXT_VERSION);
    next.setString(1, deployment);
    Millis.set(next, 2, now);
    long version;
    try (ResultSet row = next.executeQuery()) {
      row.next();
      version = row.getLong(1);
    }
    PreparedStatement insert = database.statement(INSERT_VERSION);
    insert.setString(1, deployment);
    insert.setLong(2, version);
    Millis.set(insert, 3, now);
    Millis.set(insert, 4, now);
    insert.setString(5, deployment);
    insert.setString(6, deployment);
    insert.executeUpdate();
    return version;
  }

  /**
   * Marks a write to {@code version}, which must be the current one: history is only ever added at
   * the head, so writing into an older version would contradict what later versions recorded.
   */
  void recordWrite(String deployment, long version, Instant now) throws SQLException {
    PreparedStatement current = database.statement(TOUCH_CURRENT);
    Millis.set(current, 1, now);
    current.setString(2, deployment);
    current.setLong(3, version);
    if (current.executeUpdate() == 0) {
      String actual = find(deployment).map(c -> "is " + c.version()).orElse("does not exist");
      throw new IllegalStateException(
          "cannot write version "
              + version
              + " of deployment '"
              + deployment
              + "': its current version "
              + actual);
    }
  }

  /** Who began {@code version}; empty when nobody held the lock or the version predates it. */
  Optional<VersionWriter> writer(String deployment, long version) throws SQLException {
    PreparedStatement select = database.statement(VERSION_WRITER);
    select.setString(1, deployment);
    select.setLong(2, version);
    try (ResultSet row = select.executeQuery()) {
      if (!row.next() || row.getString("written_by") == null) {
        return Optional.empty();
      }
      return Optional.of(
          new VersionWriter(row.getString("written_by"), row.getString("operation")));
    }
  }

  /**
   * When {@code version}, an ended one, was last written; null for version 0, which is before any
   * write. (The current version's is the deployment's.)
   */
  Instant versionUpdatedAt(String deployment, long version) throws SQLException {
    PreparedStatement select = database.statement(VERSION_UPDATED);
    select.setString(1, deployment);
    select.setLong(2, version);
    try (ResultSet row = select.executeQuery()) {
      return row.next() ? Millis.instant(row, "updated_at") : null;
    }
  }

  List<DeploymentSummary> summaries() throws SQLException {
    List<DeploymentSummary> summaries = new ArrayList<>();
    try (ResultSet row = database.statement(SUMMARIES).executeQuery()) {
      while (row.next()) {
        summaries.add(
            new DeploymentSummary(
                row.getString("name"),
                row.getLong("version"),
                row.getInt("live"),
                Millis.instant(row, "updated_at")));
      }
    }
    return summaries;
  }
}
