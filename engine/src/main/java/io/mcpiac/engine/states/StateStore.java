package io.mcpiac.engine.states;

import java.util.List;
import java.util.Optional;

/**
 * Where deployments' state lives. Every write is a small transaction of its own; nothing ever
 * rewrites a whole deployment. Versions stay readable: a resource row written at version v is
 * visible from v until the version that replaced or removed it.
 */
public interface StateStore extends AutoCloseable {

  /** A description of the location, credentials removed: {@code sqlite:/path/state.db}. */
  String location();

  List<DeploymentSummary> deployments();

  /**
   * A quick check of the store's own structure (SQLite's {@code quick_check}); nothing where the
   * database server checks its own pages.
   *
   * @throws StateDamagedException when it is damaged
   */
  default void verify() {}

  /** The latest state; empty when the deployment has never been written. */
  Optional<DeploymentState> load(String deployment);

  /**
   * The state as it was at {@code version} (0: before the first write); empty when the deployment
   * does not exist or has no such version.
   */
  Optional<DeploymentState> load(String deployment, long version);

  /**
   * Who began {@code version} (the write lock's holder then, and the operation it named); empty
   * where the store does not know.
   */
  default Optional<VersionWriter> writer(String deployment, long version) {
    return Optional.empty();
  }

  /** The current version, 0 for a deployment never applied. */
  long version(String deployment);

  /**
   * Starts a new version (current + 1), creating the deployment if needed, and returns it. Every
   * write until the next call belongs to it.
   */
  long beginVersion(String deployment);

  /**
   * Writes intents, all in one transaction, and returns them with their ids. Call before the
   * provider is asked to do anything.
   */
  List<JournalEntry> journalIntents(List<JournalEntry> intents);

  /**
   * Finishes a journal entry and, in the same transaction, records its effect on state: {@code put}
   * (a created or updated resource) or {@code removed} (a deleted one's name), or neither. An
   * effect belongs to {@code version}, which must be the deployment's current version (history is
   * only added at its head); if it is not, or the entry does not exist, nothing is written.
   *
   * @throws IllegalStateException when {@code version} is not the current version
   * @throws IllegalArgumentException when there is no entry {@code entryId}, or {@code status} is
   *     {@code INTENT}
   */
  default void journalFinish(
      long entryId,
      JournalEntry.Status status,
      String error,
      String deployment,
      long version,
      ResourceRecord put,
      String removed) {
    journalFinishRecords(
        entryId,
        status,
        error,
        deployment,
        version,
        put == null ? List.of() : List.of(put),
        removed);
  }

  /**
   * As {@link #journalFinish(long, JournalEntry.Status, String, String, long, ResourceRecord,
   * String)}, recording every one of {@code puts}: a create-before-destroy replacement's new object
   * and its old one, {@link Deposed deposed}, in one transaction.
   */
  void journalFinishRecords(
      long entryId,
      JournalEntry.Status status,
      String error,
      String deployment,
      long version,
      List<ResourceRecord> puts,
      String removed);

  /** {@link #journalFinishRecords} of {@code entry}, in the version it was written in. */
  default void journalFinishRecords(
      JournalEntry entry,
      JournalEntry.Status status,
      String error,
      List<ResourceRecord> puts,
      String removed) {
    journalFinishRecords(
        entry.id(), status, error, entry.deployment(), entry.version(), puts, removed);
  }

  /**
   * Finishes {@code entry} as above, with its effect belonging to the version the entry was written
   * in.
   */
  default void journalFinish(
      JournalEntry entry,
      JournalEntry.Status status,
      String error,
      ResourceRecord put,
      String removed) {
    journalFinish(entry.id(), status, error, entry.deployment(), entry.version(), put, removed);
  }

  /**
   * Runs {@code writes} (calls of this store) as one transaction: all are recorded or none. For
   * results that arrive together (one provider call's), one commit instead of one per result.
   */
  default void atomically(Runnable writes) {
    writes.run();
  }

  /** Intents without a result: what a crash left behind. Oldest first. */
  List<JournalEntry> unfinished(String deployment);

  /**
   * Activation scopes of the deployment whose last journalled activation did not succeed (still an
   * intent, or failed): their writes may not be live. One entry per provider instance and scope,
   * the last; oldest first. A scope leaves this list when an activation of it succeeds.
   */
  List<JournalEntry> unactivated(String deployment);

  /** Journal entries of one version, oldest first. */
  List<JournalEntry> journal(String deployment, long version);

  /**
   * Takes the deployment's write lock at once, or fails naming the holder. A lock held by a dead
   * process on this host is taken over.
   *
   * @throws LockedException when another live writer holds it
   */
  StateLock lock(String deployment, LockInfo who);

  /** Who holds the lock, if anyone. */
  Optional<LockInfo> lockHolder(String deployment);

  /** Removes a stuck lock regardless of its holder. */
  void forceUnlock(String deployment);

  /**
   * Copies the deployment's latest resources into a new checkpoint, which nothing changes later.
   *
   * @throws IllegalArgumentException when the deployment has never been written
   */
  Checkpoint createCheckpoint(String deployment, String description);

  /**
   * Keeps the configuration {@code deployment} was just applied with (JSON, no secrets), replacing
   * the one kept before; the next checkpoints copy it.
   */
  void recordConfiguration(String deployment, long version, String configuration);

  /** The configuration the deployment was last applied with, if any was kept. */
  Optional<String> configuration(String deployment);

  /** The deployment's checkpoints, newest first. */
  List<Checkpoint> checkpoints(String deployment);

  Optional<Checkpoint> checkpoint(String id);

  /** Deletes a checkpoint (state itself is untouched); false when there was none. */
  boolean deleteCheckpoint(String id);

  /**
   * Records {@code state}'s resources as the deployment's next version (current + 1; 1 for a new
   * deployment), replacing every current resource, and adds those of {@code checkpoints} whose id
   * this store does not know yet, unchanged. One transaction: a failure leaves nothing behind. The
   * caller holds the deployment's lock. {@code state.version()} is not kept: versions count this
   * store's writes.
   *
   * @return the new version
   * @throws IllegalArgumentException when a checkpoint belongs to another deployment
   */
  long importState(DeploymentState state, List<Checkpoint> checkpoints);

  @Override
  void close();
}
