package io.mcpiac.engine.states;

import java.util.List;
import java.util.Optional;

/**
 * State that does not exist yet, read without creating it: no deployments, no journal, no
 * checkpoints, version 0. For commands that only look ({@code plan} against a state file nobody has
 * written yet): nothing is created, opened or migrated, not even a temporary database. Anything
 * that would write refuses, naming the location.
 *
 * @param location the location that does not exist, as messages should name it
 */
public record EmptyStateStore(String location) implements StateStore {

  @Override
  public List<DeploymentSummary> deployments() {
    return List.of();
  }

  @Override
  public Optional<DeploymentState> load(String deployment) {
    return Optional.empty();
  }

  @Override
  public Optional<DeploymentState> load(String deployment, long version) {
    return Optional.empty();
  }

  @Override
  public long version(String deployment) {
    return 0;
  }

  @Override
  public long beginVersion(String deployment) {
    throw readOnly();
  }

  @Override
  public List<JournalEntry> journalIntents(List<JournalEntry> intents) {
    throw readOnly();
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
    throw readOnly();
  }

  @Override
  public List<JournalEntry> unfinished(String deployment) {
    return List.of();
  }

  @Override
  public List<JournalEntry> unactivated(String deployment) {
    return List.of();
  }

  @Override
  public List<JournalEntry> journal(String deployment, long version) {
    return List.of();
  }

  /** Nobody else can hold a lock on state that does not exist: the lock guards nothing. */
  @Override
  public StateLock lock(String deployment, LockInfo who) {
    return new StateLock() {
      @Override
      public String deployment() {
        return deployment;
      }

      @Override
      public LockInfo holder() {
        return who;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public Optional<LockInfo> lockHolder(String deployment) {
    return Optional.empty();
  }

  @Override
  public void forceUnlock(String deployment) {}

  @Override
  public Checkpoint createCheckpoint(String deployment, String description) {
    throw readOnly();
  }

  @Override
  public void recordConfiguration(String deployment, long version, String configuration) {
    throw readOnly();
  }

  @Override
  public Optional<String> configuration(String deployment) {
    return Optional.empty();
  }

  @Override
  public List<Checkpoint> checkpoints(String deployment) {
    return List.of();
  }

  @Override
  public Optional<Checkpoint> checkpoint(String id) {
    return Optional.empty();
  }

  @Override
  public boolean deleteCheckpoint(String id) {
    return false;
  }

  @Override
  public long importState(DeploymentState state, List<Checkpoint> checkpoints) {
    throw readOnly();
  }

  @Override
  public void close() {}

  private IllegalStateException readOnly() {
    return new IllegalStateException(
        "no state at " + location + " yet, and this command only reads state");
  }
}
