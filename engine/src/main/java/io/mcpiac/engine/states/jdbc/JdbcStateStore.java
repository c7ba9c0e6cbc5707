package io.mcpiac.engine.states.jdbc;

import io.mcpiac.engine.errors.InvalidInputException;
import io.mcpiac.engine.states.Checkpoint;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.DeploymentSummary;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.engine.states.StateLock;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StoreSettings;
import io.mcpiac.engine.states.VersionWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StateStore} in a SQL database. Every method is one small transaction on one shared
 * connection with prepared statements; the schema is migrated once, when the store opens.
 */
public final class JdbcStateStore implements StateStore {
  private final SqlDialect dialect;
  private final StoreSettings settings;
  private final Database database;
  private final DeploymentTable deployments;
  private final ResourceTable resources;
  private final JournalTable journal;
  private final CheckpointTable checkpoints;
  private final ConfigurationTable configurations;
  private final DeploymentLocks locks;

  private JdbcStateStore(SqlDialect dialect, StoreSettings settings, Database database) {
    this.dialect = dialect;
    this.settings = settings;
    this.database = database;
    this.deployments = new DeploymentTable(database);
    this.resources = new ResourceTable(database);
    this.journal = new JournalTable(database);
    this.checkpoints = new CheckpointTable(database);
    this.configurations = new ConfigurationTable(database);
    this.locks = dialect.locks(database, settings);
  }

  /** Migrates the schema if needed and opens the store. */
  public static JdbcStateStore open(SqlDialect dialect, StoreSettings settings) {
    dialect.checkOnOpen();
    Migrations.apply(dialect);
    return new JdbcStateStore(dialect, settings, new Database(dialect));
  }

  @Override
  public String location() {
    return dialect.location();
  }

  @Override
  public void verify() {
    dialect.check(database, false);
  }

  @Override
  public List<DeploymentSummary> deployments() {
    return database.read(deployments::summaries);
  }

  @Override
  public Optional<DeploymentState> load(String deployment) {
    return database.read(
        () -> {
          Optional<DeploymentTable.Current> current = deployments.find(deployment);
          if (current.isEmpty()) {
            return Optional.empty();
          }
          Map<String, ResourceRecord> live = resources.current(deployment);
          return Optional.of(
              new DeploymentState(
                  deployment, current.get().version(), current.get().updatedAt(), live));
        });
  }

  @Override
  public Optional<DeploymentState> load(String deployment, long version) {
    return database.read(
        () -> {
          Optional<DeploymentTable.Current> current = deployments.find(deployment);
          if (current.isEmpty() || version < 0 || version > current.get().version()) {
            return Optional.empty();
          }
          if (version == current.get().version()) {
            return Optional.of(
                new DeploymentState(
                    deployment, version, current.get().updatedAt(), resources.current(deployment)));
          }
          return Optional.of(
              new DeploymentState(
                  deployment,
                  version,
                  deployments.versionUpdatedAt(deployment, version),
                  resources.at(deployment, version)));
        });
  }

  @Override
  public long version(String deployment) {
    return database.read(
        () -> deployments.find(deployment).map(DeploymentTable.Current::version).orElse(0L));
  }

  @Override
  public Optional<VersionWriter> writer(String deployment, long version) {
    return database.read(() -> deployments.writer(deployment, version));
  }

  @Override
  public long beginVersion(String deployment) {
    return database.write(() -> deployments.beginVersion(deployment, now()));
  }

  @Override
  public List<JournalEntry> journalIntents(List<JournalEntry> intents) {
    if (intents.isEmpty()) {
      return List.of();
    }
    return database.write(
        () -> {
          Instant now = now();
          List<JournalEntry> written = new ArrayList<>(intents.size());
          for (JournalEntry intent : intents) {
            written.add(journal.insert(intent, now));
          }
          return written;
        });
  }

  @Override
  public void atomically(Runnable writes) {
    database.write(
        () -> {
          writes.run();
          return null;
        });
  }

  @Override
  public void journalFinishRecords(
      long entryId,
      JournalEntry.Status status,
      String error,
      String deployment,
      long version,
      List<ResourceRecord> puts,
      String removed) {
    database.write(
        () -> {
          Instant now = now();
          journal.finish(entryId, status, error, now);
          if (puts.isEmpty() && removed == null) {
            return null;
          }
          deployments.recordWrite(deployment, version, now);
          if (removed != null) {
            resources.remove(deployment, version, removed);
          }
          for (ResourceRecord put : puts) {
            resources.put(deployment, version, put);
          }
          return null;
        });
  }

  @Override
  public List<JournalEntry> unfinished(String deployment) {
    return database.read(() -> journal.unfinished(deployment));
  }

  @Override
  public List<JournalEntry> unactivated(String deployment) {
    return database.read(() -> journal.unactivated(deployment));
  }

  @Override
  public List<JournalEntry> journal(String deployment, long version) {
    return database.read(() -> journal.ofVersion(deployment, version));
  }

  @Override
  public StateLock lock(String deployment, LockInfo who) {
    return locks.acquire(deployment, who);
  }

  @Override
  public Optional<LockInfo> lockHolder(String deployment) {
    return locks.holder(deployment);
  }

  @Override
  public void forceUnlock(String deployment) {
    locks.forceUnlock(deployment);
  }

  @Override
  public Checkpoint createCheckpoint(String deployment, String description) {
    return database.write(
        () -> {
          // a deployment nothing was applied to yet is checkpointed as empty, at version 0:
          // "before the first change" is a state worth returning to
          long version =
              deployments.find(deployment).map(DeploymentTable.Current::version).orElse(0L);
          return checkpoints.insert(
              deployment,
              version,
              description,
              resources.current(deployment).values(),
              configurations.find(deployment).orElse(null),
              now());
        });
  }

  @Override
  public void recordConfiguration(String deployment, long version, String configuration) {
    database.write(
        () -> {
          configurations.put(deployment, configuration);
          return null;
        });
  }

  @Override
  public Optional<String> configuration(String deployment) {
    return database.read(() -> configurations.find(deployment));
  }

  @Override
  public List<Checkpoint> checkpoints(String deployment) {
    return database.read(() -> checkpoints.ofDeployment(deployment));
  }

  @Override
  public Optional<Checkpoint> checkpoint(String id) {
    return database.read(() -> checkpoints.byId(id));
  }

  @Override
  public boolean deleteCheckpoint(String id) {
    return database.write(() -> checkpoints.delete(id));
  }

  @Override
  public long importState(DeploymentState state, List<Checkpoint> imported) {
    String deployment = state.name();
    for (Checkpoint checkpoint : imported) {
      if (!deployment.equals(checkpoint.deployment())) {
        throw new InvalidInputException(
            "checkpoint "
                + checkpoint.id()
                + " belongs to '"
                + checkpoint.deployment()
                + "', not to '"
                + deployment
                + "'");
      }
    }
    return database.write(
        () -> {
          Instant now = now();
          long version = deployments.beginVersion(deployment, now);
          for (String name : resources.current(deployment).keySet()) {
            if (!state.resources().containsKey(name)) {
              resources.remove(deployment, version, name);
            }
          }
          for (ResourceRecord record : state.resources().values()) {
            resources.put(deployment, version, record);
          }
          deployments.recordWrite(deployment, version, now);
          for (Checkpoint checkpoint : imported) {
            if (checkpoints.byId(checkpoint.id()).isEmpty()) {
              checkpoints.insertCopy(checkpoint);
            }
          }
          return version;
        });
  }

  @Override
  public void close() {
    try {
      locks.close();
    } finally {
      database.close();
    }
  }

  private Instant now() {
    return settings.clock().instant();
  }
}
