package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.states.JournalEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code journal} table: one row per call to a provider, intent first, result later. */
final class JournalTable {
  private static final String COLUMNS =
      "id, deployment, version, phase, kind, resource, type, provider, resource_id, record,"
          + " status, error, started_at, finished_at";
  private static final String INSERT =
      "INSERT INTO journal (deployment, version, phase, kind, resource, type, provider,"
          + " resource_id, record, status, error, started_at, finished_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'INTENT', NULL, ?, NULL) RETURNING id";
  private static final String FINISH =
      "UPDATE journal SET status = ?, error = ?, finished_at = ? WHERE id = ?";
  private static final String UNFINISHED =
      "SELECT " + COLUMNS + " FROM journal WHERE deployment = ? AND status = 'INTENT' ORDER BY id";

  private static final String ACTIVATE = "'" + JournalEntry.Phase.ACTIVATE.text() + "'";

  /**
   * The last activation entry of each scope of a deployment, where it did not succeed: still an
   * intent, or failed (an activation that failed again when recovery retried it is finished as
   * FAILED too).
   */
  private static final String UNACTIVATED =
      "SELECT "
          + COLUMNS
          + " FROM journal j WHERE deployment = ? AND phase = "
          + ACTIVATE
          + " AND status IN ('INTENT', 'FAILED') AND id = (SELECT MAX(k.id) FROM journal k"
          + " WHERE k.deployment = j.deployment AND k.phase = "
          + ACTIVATE
          + " AND k.provider = j.provider AND k.resource = j.resource) ORDER BY id";

  private static final String OF_VERSION =
      "SELECT " + COLUMNS + " FROM journal WHERE deployment = ? AND version = ? ORDER BY id";

  private final Database database;

  JournalTable(Database database) {
    this.database = database;
  }

  /** Writes {@code intent} as an intent; returns it with its id and start time. */
  JournalEntry insert(JournalEntry intent, Instant now) throws SQLException {
    Instant startedAt = Millis.truncate(intent.startedAt() == null ? now : intent.startedAt());
    PreparedStatement insert = database.statement(INSERT);
    insert.setString(1, intent.deployment());
    insert.setLong(2, intent.version());
    insert.setString(3, intent.phase().text());
    insert.setString(4, intent.kind().name());
    insert.setString(5, intent.resource());
    insert.setString(6, intent.type());
    insert.setString(7, intent.provider());
    insert.setString(8, intent.resourceId());
    insert.setString(9, RecordJson.text(intent.record()));
    Millis.set(insert, 10, startedAt);
    long id;
    try (ResultSet row = insert.executeQuery()) {
      row.next();
      id = row.getLong(1);
    }
    return intent.written(id, startedAt);
  }

  void finish(long id, JournalEntry.Status status, String error, Instant now) throws SQLException {
    if (status == JournalEntry.Status.INTENT) {
      throw new IllegalArgumentException("a journal entry cannot finish as an intent");
    }
    PreparedStatement finish = database.statement(FINISH);
    finish.setString(1, status.name());
    finish.setString(2, error);
    Millis.set(finish, 3, now);
    finish.setLong(4, id);
    if (finish.executeUpdate() == 0) {
      throw new IllegalArgumentException("no journal entry with id " + id);
    }
  }

  List<JournalEntry> unfinished(String deployment) throws SQLException {
    PreparedStatement select = database.statement(UNFINISHED);
    select.setString(1, deployment);
    return entries(select);
  }

  List<JournalEntry> unactivated(String deployment) throws SQLException {
    PreparedStatement select = database.statement(UNACTIVATED);
    select.setString(1, deployment);
    return entries(select);
  }

  List<JournalEntry> ofVersion(String deployment, long version) throws SQLException {
    PreparedStatement select = database.statement(OF_VERSION);
    select.setString(1, deployment);
    select.setLong(2, version);
    return entries(select);
  }

  private static List<JournalEntry> entries(PreparedStatement select) throws SQLException {
    List<JournalEntry> entries = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        entries.add(
            new JournalEntry(
                row.getLong("id"),
                row.getString("deployment"),
                row.getLong("version"),
                JournalEntry.Phase.of(row.getString("phase")),
                Change.Kind.valueOf(row.getString("kind")),
                row.getString("resource"),
                row.getString("type"),
                row.getString("provider"),
                row.getString("resource_id"),
                RecordJson.object(row.getString("record")),
                JournalEntry.Status.valueOf(row.getString("status")),
                row.getString("error"),
                Millis.instant(row, "started_at"),
                Millis.instant(row, "finished_at")));
      }
    }
    return entries;
  }
}
