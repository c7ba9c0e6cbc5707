package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.ResourceRecord;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The {@code checkpoints} table. A checkpoint holds its own copy of the resources as one JSON
 * document, so nothing written later can change it.
 */
final class CheckpointTable {
  private static final String COLUMNS =
      "id, deployment, version, created_at, description, resources, configuration";
  private static final String NEXT_SEQ =
      "SELECT COALESCE(MAX(seq), 0) + 1 FROM checkpoints WHERE deployment = ?";
  private static final String INSERT =
      "INSERT INTO checkpoints"
          + " (id, deployment, seq, version, created_at, description, resources, configuration)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String OF_DEPLOYMENT =
      "SELECT " + COLUMNS + " FROM checkpoints WHERE deployment = ? ORDER BY seq DESC";
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM checkpoints WHERE id = ?";
  private static final String DELETE = "DELETE FROM checkpoints WHERE id = ?";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;

  CheckpointTable(Database database) {
    this.database = database;
  }

  Checkpoint insert(
      String deployment,
      long version,
      String description,
      Collection<ResourceRecord> resources,
      String configuration,
      Instant now)
      throws SQLException {
    Checkpoint checkpoint =
        new Checkpoint(
            newId(),
            deployment,
            version,
            Millis.truncate(now),
            description,
            List.copyOf(resources),
            configuration);
    insertCopy(checkpoint);
    return checkpoint;
  }

  /**
   * Adds {@code checkpoint} as it is (a new one, or one imported from elsewhere with its id and
   * timestamp) after the deployment's others.
   */
  void insertCopy(Checkpoint checkpoint) throws SQLException {
    PreparedStatement nextSeq = database.statement(NEXT_SEQ);
    nextSeq.setString(1, checkpoint.deployment());
    long seq;
    try (ResultSet row = nextSeq.executeQuery()) {
      row.next();
      seq = row.getLong(1);
    }
    PreparedStatement insert = database.statement(INSERT);
    insert.setString(1, checkpoint.id());
    insert.setString(2, checkpoint.deployment());
    insert.setLong(3, seq);
    insert.setLong(4, checkpoint.version());
    Millis.set(insert, 5, Millis.truncate(checkpoint.timestamp()));
    insert.setString(6, checkpoint.description());
    insert.setString(7, RecordJson.records(checkpoint.resources()));
    insert.setString(8, checkpoint.configuration());
    insert.executeUpdate();
  }

  /** Newest first. */
  List<Checkpoint> ofDeployment(String deployment) throws SQLException {
    PreparedStatement select = database.statement(OF_DEPLOYMENT);
    select.setString(1, deployment);
    return checkpoints(select);
  }

  Optional<Checkpoint> byId(String id) throws SQLException {
    PreparedStatement select = database.statement(BY_ID);
    select.setString(1, id);
    return checkpoints(select).stream().findFirst();
  }

  /** True when there was such a checkpoint. */
  boolean delete(String id) throws SQLException {
    PreparedStatement delete = database.statement(DELETE);
    delete.setString(1, id);
    return delete.executeUpdate() > 0;
  }

  /** Short enough to type: {@code cp-} and 32 random bits. */
  private static String newId() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return "cp-" + HexFormat.of().formatHex(bytes);
  }

  private static List<Checkpoint> checkpoints(PreparedStatement select) throws SQLException {
    List<Checkpoint> checkpoints = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        checkpoints.add(
            new Checkpoint(
                row.getString("id"),
                row.getString("deployment"),
                row.getLong("version"),
                Millis.instant(row, "created_at"),
                row.getString("description"),
                RecordJson.records(row.getString("resources")),
                row.getString("configuration")));
      }
    }
    return checkpoints;
  }
}
