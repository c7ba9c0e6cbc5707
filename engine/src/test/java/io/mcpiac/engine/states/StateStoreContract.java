package io.mcpiac.engine.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.resources.ResourceState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} must do, whatever database holds it. A subclass provides the
 * database: each {@link #openStore} is a new store (its own connections) on the same data.
 */
public abstract class StateStoreContract {
  /** A short heartbeat, so that tests see it work; the lease stays long. */
  protected static final StoreSettings SETTINGS =
      new StoreSettings(Duration.ofSeconds(30), Duration.ofMillis(50), Clock.systemUTC());

  protected static final String APP = "app";

  private final List<StateStore> opened = new ArrayList<>();
  protected StateStore store;

  /** A new store on this test's database. */
  protected abstract StateStore openStore(StoreSettings settings);

  /** A plain connection to this test's database, to write rows the SPI cannot. */
  protected abstract Connection connect() throws SQLException;

  /** This test's database as a location for {@link StateStores#open}, for another process. */
  protected abstract String location();

  @BeforeEach
  void openFirstStore() {
    store = open();
  }

  @AfterEach
  void closeStores() {
    for (StateStore each : opened) {
      each.close();
    }
  }

  protected StateStore open() {
    StateStore opening = openStore(SETTINGS);
    opened.add(opening);
    return opening;
  }

  // ---- versions and resources ----

  @Test
  void unknownDeploymentHasNoStateAndVersionZero() {
    assertThat(store.version(APP)).isZero();
    assertThat(store.load(APP)).isEmpty();
    assertThat(store.load(APP, 0)).isEmpty();
    assertThat(store.deployments()).isEmpty();
    assertThat(store.unfinished(APP)).isEmpty();
    assertThat(store.journal(APP, 1)).isEmpty();
  }

  @Test
  void beginVersionCreatesTheDeploymentAndCountsUp() {
    assertThat(store.beginVersion(APP)).isEqualTo(1);
    assertThat(store.beginVersion(APP)).isEqualTo(2);
    assertThat(store.beginVersion("other")).isEqualTo(1);

    assertThat(store.version(APP)).isEqualTo(2);
    DeploymentState state = store.load(APP).orElseThrow();
    assertThat(state.version()).isEqualTo(2);
    assertThat(state.resources()).isEmpty();
    assertThat(state.updatedAt()).isNotNull();
  }

  @Test
  void everyVersionStaysReadableAfterPutsAndRemovals() {
    long v1 = store.beginVersion(APP);
    put(v1, resource("a", 1));
    put(v1, resource("b", 1));
    Instant v1Written = store.load(APP).orElseThrow().updatedAt();
    long v2 = store.beginVersion(APP);
    put(v2, resource("a", 2));
    remove(v2, "b");
    put(v2, resource("c", 2));
    long v3 = store.beginVersion(APP);
    remove(v3, "c");
    put(v3, resource("b", 3));
    long v4 = store.beginVersion(APP);

    assertThat(generations(store.load(APP, 0))).isEmpty();
    assertThat(generations(store.load(APP, v1))).containsExactly(entry("a", 1), entry("b", 1));
    assertThat(generations(store.load(APP, v2))).containsExactly(entry("a", 2), entry("c", 2));
    assertThat(generations(store.load(APP, v3))).containsExactly(entry("a", 2), entry("b", 3));
    assertThat(generations(store.load(APP, v4))).isEqualTo(generations(store.load(APP, v3)));
    assertThat(generations(store.load(APP))).isEqualTo(generations(store.load(APP, v4)));
    assertThat(store.load(APP, v4 + 1)).isEmpty();
    assertThat(store.load(APP, -1)).isEmpty();
    assertThat(store.load(APP, v2).orElseThrow().version()).isEqualTo(v2);
    assertThat(store.load(APP, v1).orElseThrow().updatedAt()).isEqualTo(v1Written);
    assertThat(store.load(APP, v2).orElseThrow().updatedAt()).isAfterOrEqualTo(v1Written);
    assertThat(store.load(APP, 0).orElseThrow().updatedAt()).isNull();
  }

  @Test
  void aSecondPutInTheSameVersionReplacesTheFirst() {
    long v1 = store.beginVersion(APP);
    put(v1, resource("a", 1));
    long v2 = store.beginVersion(APP);
    put(v2, resource("a", 2));
    put(v2, resource("a", 3));

    assertThat(generations(store.load(APP))).containsExactly(entry("a", 3));
    assertThat(generations(store.load(APP, v1))).containsExactly(entry("a", 1));
  }

  @Test
  void aResourceRemovedAndPutAgainInOneVersionExistsOnce() {
    long v1 = store.beginVersion(APP);
    put(v1, resource("a", 1));
    long v2 = store.beginVersion(APP);
    put(v2, resource("a", 2));
    remove(v2, "a");
    assertThat(store.load(APP).orElseThrow().resources()).isEmpty();
    put(v2, resource("a", 3));
    remove(v2, "missing");

    assertThat(generations(store.load(APP))).containsExactly(entry("a", 3));
    assertThat(generations(store.load(APP, v1))).containsExactly(entry("a", 1));
  }

  @Test
  void recordsKeepEveryField() {
    long v1 = store.beginVersion(APP);
    ObjectNode outputs = Json.object().put("ip", "10.0.0.5");
    outputs.putArray("ports").add(80).add(443);
    ResourceRecord full =
        new ResourceRecord(
            "web",
            "docker:container",
            "docker.local",
            "c-123",
            Json.object().put("image", "nginx:1.27").put("replicas", 2),
            outputs,
            List.of("net", "volume"),
            ResourceState.CREATED);
    ResourceRecord sparse =
        new ResourceRecord("bare", "t", null, null, null, null, List.of(), null);
    put(v1, full);
    put(v1, sparse);

    Map<String, ResourceRecord> loaded = store.load(APP).orElseThrow().resources();
    assertThat(loaded.get("web")).isEqualTo(full);
    assertThat(loaded.get("bare")).isEqualTo(sparse);
    assertThat(loaded.keySet()).containsExactly("bare", "web");
  }

  @Test
  void deploymentsListVersionsAndLiveResourceCounts() {
    long v1 = store.beginVersion(APP);
    put(v1, resource("a", 1));
    put(v1, resource("b", 1));
    long v2 = store.beginVersion(APP);
    remove(v2, "a");
    store.beginVersion("empty");

    List<DeploymentSummary> summaries = store.deployments();
    assertThat(summaries)
        .extracting(DeploymentSummary::name, DeploymentSummary::version)
        .containsExactly(tuple(APP, 2L), tuple("empty", 1L));
    assertThat(summaries).extracting(DeploymentSummary::resources).containsExactly(1, 0);
    assertThat(summaries).allSatisfy(s -> assertThat(s.updatedAt()).isNotNull());
  }

  // ---- journal ----

  @Test
  void intentsGetIdsAndStayUnfinishedUntilFinished() {
    long v1 = store.beginVersion(APP);
    List<JournalEntry> written =
        store.journalIntents(
            List.of(
                intent(v1, Change.Kind.CREATE, "a"),
                intent(v1, Change.Kind.CREATE, "b"),
                intent(v1, Change.Kind.DELETE, "c")));

    assertThat(written).extracting(JournalEntry::id).doesNotContain(0L).isSorted();
    assertThat(written).extracting(JournalEntry::status).containsOnly(JournalEntry.Status.INTENT);
    assertThat(written).allSatisfy(e -> assertThat(e.startedAt()).isNotNull());
    assertThat(store.unfinished(APP)).isEqualTo(written);

    store.journalFinish(
        written.get(0).id(), JournalEntry.Status.DONE, null, APP, v1, resource("a", 1), null);
    store.journalFinish(
        written.get(1).id(), JournalEntry.Status.FAILED, "boom", APP, v1, null, null);

    assertThat(store.unfinished(APP)).extracting(JournalEntry::resource).containsExactly("c");
    List<JournalEntry> journal = store.journal(APP, v1);
    assertThat(journal)
        .extracting(JournalEntry::resource, JournalEntry::status, JournalEntry::error)
        .containsExactly(
            tuple("a", JournalEntry.Status.DONE, null),
            tuple("b", JournalEntry.Status.FAILED, "boom"),
            tuple("c", JournalEntry.Status.INTENT, null));
    assertThat(journal.get(0).finishedAt()).isNotNull();
    assertThat(journal.get(0).record()).isEqualTo(written.get(0).record());
    assertThat(journal.get(0).kind()).isEqualTo(Change.Kind.CREATE);
    assertThat(journal.get(2).kind()).isEqualTo(Change.Kind.DELETE);
    assertThat(generations(store.load(APP))).containsExactly(entry("a", 1));
    assertThat(store.journalIntents(List.of())).isEmpty();
  }

  @Test
  void everyJournalPhaseIsStoredAsTheTextOlderDatabasesHold() throws SQLException {
    long v1 = store.beginVersion(APP);
    Map<JournalEntry.Phase, String> stored =
        Map.of(
            JournalEntry.Phase.APPLY, "apply",
            JournalEntry.Phase.UNDO, "undo",
            JournalEntry.Phase.ACTIVATE, "activate",
            JournalEntry.Phase.REFRESH, "refresh",
            JournalEntry.Phase.IMPORT, "import");
    for (JournalEntry.Phase phase : JournalEntry.Phase.values()) {
      JournalEntry written =
          store
              .journalIntents(
                  List.of(
                      JournalEntry.intent(
                          APP, v1, phase, Change.Kind.CREATE, resource(phase.text(), 1))))
              .get(0);
      try (Connection connection = connect();
          PreparedStatement select =
              connection.prepareStatement("SELECT phase FROM journal WHERE id = ?")) {
        select.setLong(1, written.id());
        try (ResultSet row = select.executeQuery()) {
          row.next();
          assertThat(row.getString(1)).isEqualTo(stored.get(phase));
        }
      }
    }
    assertThat(store.unfinished(APP))
        .extracting(JournalEntry::phase)
        .containsExactly(JournalEntry.Phase.values());
  }

  @Test
  void aFinishedRemovalEndsTheResource() {
    long v1 = store.beginVersion(APP);
    put(v1, resource("a", 1));
    long v2 = store.beginVersion(APP);
    JournalEntry delete = store.journalIntents(List.of(intent(v2, Change.Kind.DELETE, "a"))).get(0);

    store.journalFinish(delete.id(), JournalEntry.Status.DONE, null, APP, v2, null, "a");

    assertThat(store.load(APP).orElseThrow().resources()).isEmpty();
    assertThat(generations(store.load(APP, v1))).containsExactly(entry("a", 1));
  }

  /** One provider call's results are recorded together: all of them, or (a failure) none. */
  @Test
  void writesMadeAtomicallyAreKeptTogetherOrNotAtAll() {
    long v1 = store.beginVersion(APP);
    List<JournalEntry> entries =
        store.journalIntents(
            List.of(intent(v1, Change.Kind.CREATE, "a"), intent(v1, Change.Kind.CREATE, "b")));
    assertThatThrownBy(
            () ->
                store.atomically(
                    () -> {
                      store.journalFinish(
                          entries.get(0).id(),
                          JournalEntry.Status.DONE,
                          null,
                          APP,
                          v1,
                          resource("a", 1),
                          null);
                      throw new IllegalStateException("the second write failed");
                    }))
        .hasMessageContaining("second write");
    assertThat(store.unfinished(APP)).isEqualTo(entries);
    assertThat(store.load(APP).orElseThrow().resources()).isEmpty();

    store.atomically(
        () -> {
          for (JournalEntry e : entries) {
            store.journalFinish(
                e.id(), JournalEntry.Status.DONE, null, APP, v1, resource(e.resource(), 1), null);
          }
        });
    assertThat(store.unfinished(APP)).isEmpty();
    assertThat(generations(store.load(APP))).containsExactly(entry("a", 1), entry("b", 1));
  }

  @Test
  void aFinishWhoseStateEffectFailsIsRolledBack() {
    long v1 = store.beginVersion(APP);
    long v2 = store.beginVersion(APP);
    put(v2, resource("a", 2));
    JournalEntry entry = store.journalIntents(List.of(intent(v1, Change.Kind.UPDATE, "a"))).get(0);

    // Version 1 is no longer current: writing into it would rewrite history.
    assertThatThrownBy(
            () ->
                store.journalFinish(
                    entry.id(), JournalEntry.Status.DONE, null, APP, v1, resource("a", 1), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 1")
        .hasMessageContaining("is 2");

    assertThat(store.unfinished(APP)).containsExactly(entry);
    assertThat(generations(store.load(APP))).containsExactly(entry("a", 2));
  }

  @Test
  void aFinishWhosePutTheDatabaseRejectsIsRolledBack() {
    long v1 = store.beginVersion(APP);
    JournalEntry entry = store.journalIntents(List.of(intent(v1, Change.Kind.CREATE, "a"))).get(0);
    ResourceRecord nameless =
        new ResourceRecord(null, "t", "p", "id", Json.object(), Json.object(), List.of(), null);

    assertThatThrownBy(
            () ->
                store.journalFinish(
                    entry.id(), JournalEntry.Status.DONE, null, APP, v1, nameless, null))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(store.location());

    assertThat(store.unfinished(APP)).containsExactly(entry);
    assertThat(store.load(APP).orElseThrow().resources()).isEmpty();
    // The store goes on working after the failed transaction.
    put(v1, resource("a", 1));
    assertThat(generations(store.load(APP))).containsExactly(entry("a", 1));
  }

  @Test
  void aFinishOfAnUnknownEntryWritesNoState() {
    long v1 = store.beginVersion(APP);

    assertThatThrownBy(
            () ->
                store.journalFinish(
                    4242, JournalEntry.Status.DONE, null, APP, v1, resource("a", 1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4242");
    assertThatThrownBy(
            () ->
                store.journalFinish(
                    1, JournalEntry.Status.INTENT, null, APP, v1, resource("a", 1), null))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.load(APP).orElseThrow().resources()).isEmpty();
  }

  @Test
  void aStateEffectOnAnUnknownDeploymentIsRefused() {
    JournalEntry entry = store.journalIntents(List.of(intent(1, Change.Kind.CREATE, "a"))).get(0);

    assertThatThrownBy(
            () ->
                store.journalFinish(
                    entry.id(), JournalEntry.Status.DONE, null, APP, 1, resource("a", 1), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not exist");
    assertThat(store.unfinished(APP)).containsExactly(entry);
  }

  @Test
  void aVersionRecordsWhoBeganIt() {
    long unlocked = store.beginVersion(APP);
    LockInfo holder = new LockInfo("alice (42@build-7)", "build-7", 42, Instant.now(), "apply");
    long locked;
    try (StateLock lock = store.lock(APP, holder)) {
      locked = store.beginVersion(APP);
    }

    assertThat(store.writer(APP, locked))
        .as("the lock's holder and operation when the version began")
        .contains(new VersionWriter("alice (42@build-7)", "apply"));
    assertThat(store.writer(APP, unlocked)).as("nobody held the lock").isEmpty();
    assertThat(store.writer(APP, 99)).isEmpty();
  }

  // ---- locks ----

  @Test
  void aSecondStoreFailsAtOnceNamingTheHolder() {
    StateStore other = open();
    LockInfo first = LockInfo.current("apply");

    try (StateLock lock = store.lock(APP, first)) {
      assertThat(lock.deployment()).isEqualTo(APP);
      assertThat(lock.holder().owner()).isEqualTo(first.owner());

      assertThatThrownBy(() -> other.lock(APP, LockInfo.current("destroy")))
          .isInstanceOfSatisfying(
              LockedException.class,
              e -> {
                assertThat(e.holder().owner()).isEqualTo(first.owner());
                assertThat(e.holder().host()).isEqualTo(first.host());
                assertThat(e.holder().pid()).isEqualTo(first.pid());
                assertThat(e.holder().operation()).isEqualTo("apply");
              })
          .hasMessageContaining(first.host())
          .hasMessageContaining("pid " + first.pid());
      assertThat(other.lockHolder(APP)).contains(lock.holder());
      try (StateLock unrelated = other.lock("elsewhere", LockInfo.current("apply"))) {
        assertThat(unrelated.deployment()).isEqualTo("elsewhere");
      }
    }

    assertThat(other.lockHolder(APP)).isEmpty();
    try (StateLock second = other.lock(APP, LockInfo.current("destroy"))) {
      assertThat(store.lockHolder(APP).map(LockInfo::operation)).contains("destroy");
    }
  }

  @Test
  void theLockOfADeadProcessOnThisHostIsTakenOver() throws Exception {
    Process child = new ProcessBuilder("sleep", "0").start();
    child.waitFor();
    LockInfo dead =
        new LockInfo("ghost", LockInfo.current("x").host(), child.pid(), Instant.now(), "apply");
    insertLockRow(APP, "ghost-token", dead, Instant.now());

    try (StateLock lock = store.lock(APP, LockInfo.current("apply"))) {
      assertThat(store.lockHolder(APP)).contains(lock.holder());
      assertThat(lock.holder().pid()).isEqualTo(ProcessHandle.current().pid());
    }
  }

  @Test
  void aWriterInAnotherProcessIsNamedAndItsLockIsFreedWhenItDies() throws Exception {
    Process writer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolderProcess.class.getName(),
                location(),
                APP)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(output.readLine()).isEqualTo(LockHolderProcess.READY);

      assertThatThrownBy(() -> store.lock(APP, LockInfo.current("apply")))
          .isInstanceOfSatisfying(
              LockedException.class, e -> assertThat(e.holder().pid()).isEqualTo(writer.pid()))
          .hasMessageContaining("pid " + writer.pid());
    } finally {
      writer.destroyForcibly();
      writer.waitFor();
    }

    // Killed, it released nothing itself: its lock must be free for the next writer all the same.
    try (StateLock lock = awaitLock(APP, Duration.ofSeconds(10))) {
      assertThat(store.lockHolder(APP)).contains(lock.holder());
    }
  }

  @Test
  void aHeldLockKeepsItsHeartbeat() throws Exception {
    try (StateLock lock = store.lock(APP, LockInfo.current("apply"))) {
      long first = heartbeatMillis(APP);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (heartbeatMillis(APP) == first && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(heartbeatMillis(APP)).isGreaterThan(first);
    }
  }

  @Test
  void forceUnlockFreesTheLockAndTheOldHolderCannotReleaseItsSuccessor() {
    StateStore other = open();
    StateLock stuck = store.lock(APP, LockInfo.current("apply"));

    other.forceUnlock(APP);
    assertThat(other.lockHolder(APP)).isEmpty();
    try (StateLock successor = other.lock(APP, LockInfo.current("destroy"))) {
      stuck.close();
      stuck.close();
      assertThat(other.lockHolder(APP)).contains(successor.holder());
    }
  }

  @Test
  void closingTheStoreReleasesItsLocks() {
    StateStore other = open();
    other.lock(APP, LockInfo.current("apply"));

    other.close();

    assertThat(store.lockHolder(APP)).isEmpty();
    assertThatThrownBy(() -> other.version(APP)).isInstanceOf(IllegalStateException.class);
  }

  // ---- checkpoints ----

  @Test
  void aCheckpointIsAnImmutableCopy() {
    long v1 = store.beginVersion(APP);
    put(v1, resource("a", 1));
    put(v1, resource("b", 1));
    Checkpoint checkpoint = store.createCheckpoint(APP, "before the upgrade");

    long v2 = store.beginVersion(APP);
    put(v2, resource("a", 2));
    remove(v2, "b");
    put(v2, resource("c", 2));

    Checkpoint reread = store.checkpoint(checkpoint.id()).orElseThrow();
    assertThat(reread).isEqualTo(checkpoint);
    assertThat(reread.id()).matches("cp-[0-9a-f]{8}");
    assertThat(reread.deployment()).isEqualTo(APP);
    assertThat(reread.version()).isEqualTo(v1);
    assertThat(reread.description()).isEqualTo("before the upgrade");
    assertThat(reread.resources())
        .extracting(ResourceRecord::name, r -> r.properties().get("generation").asInt())
        .containsExactly(tuple("a", 1), tuple("b", 1));
  }

  @Test
  void aCheckpointKeepsTheConfigurationLastApplied() {
    long v1 = store.beginVersion(APP);
    put(v1, resource("a", 1));
    Checkpoint without = store.createCheckpoint(APP, "before configurations were kept");
    store.recordConfiguration(APP, v1, "{\"resources\":[{\"name\":\"a\"}]}");
    Checkpoint with = store.createCheckpoint(APP, "after");
    store.recordConfiguration(APP, v1, "{\"resources\":[]}");

    assertThat(store.checkpoint(without.id()).orElseThrow().configuration()).isNull();
    assertThat(store.checkpoint(with.id()).orElseThrow().configuration())
        .isEqualTo("{\"resources\":[{\"name\":\"a\"}]}");
    assertThat(store.configuration(APP)).contains("{\"resources\":[]}");
    // a deployment nothing was applied to keeps none
    store.recordConfiguration("nothing", 0, "{}");
    assertThat(store.configuration("nothing")).isEmpty();
  }

  @Test
  void checkpointsAreListedNewestFirst() {
    long v1 = store.beginVersion(APP);
    put(v1, resource("a", 1));
    Checkpoint first = store.createCheckpoint(APP, "first");
    Checkpoint second = store.createCheckpoint(APP, "second");
    store.beginVersion("other");
    store.createCheckpoint("other", "unrelated");

    assertThat(store.checkpoints(APP)).containsExactly(second, first);
    assertThat(store.checkpoints("nothing")).isEmpty();
    assertThat(store.checkpoint("cp-00000000")).isEmpty();
    // before the first apply: an empty checkpoint at version 0, the state to come back to
    Checkpoint before = store.createCheckpoint("nothing", "x");
    assertThat(before.version()).isZero();
    assertThat(before.resources()).isEmpty();
    assertThat(store.checkpoints("nothing")).containsExactly(before);
  }

  // ---- import ----

  @Test
  void anImportReplacesTheResourcesAtANewVersionAndKeepsHistory() {
    long v1 = store.beginVersion(APP);
    put(v1, resource("a", 1));
    put(v1, resource("b", 1));
    Instant taken = Instant.parse("2026-01-02T03:04:05.678Z");
    Checkpoint fromElsewhere =
        new Checkpoint("cp-0000beef", APP, 41, taken, "from elsewhere", List.of(resource("x", 9)));
    DeploymentState imported =
        new DeploymentState(APP, 42, taken, Map.of("a", resource("a", 7), "c", resource("c", 7)));

    long version = store.importState(imported, List.of(fromElsewhere));

    assertThat(version).isEqualTo(v1 + 1);
    assertThat(store.version(APP)).isEqualTo(version);
    assertThat(generations(store.load(APP))).containsExactly(entry("a", 7), entry("c", 7));
    assertThat(generations(store.load(APP, v1))).containsExactly(entry("a", 1), entry("b", 1));
    assertThat(store.load(APP).orElseThrow().resources()).isEqualTo(imported.resources());
    assertThat(store.checkpoint("cp-0000beef")).contains(fromElsewhere);
    assertThat(store.unfinished(APP)).isEmpty();
  }

  @Test
  void anImportCreatesANewDeploymentAndSkipsCheckpointsItAlreadyHas() {
    DeploymentState imported = new DeploymentState(APP, 5, null, Map.of("a", resource("a", 5)));
    Checkpoint checkpoint =
        new Checkpoint(
            "cp-00c0ffee", APP, 5, Instant.parse("2026-01-02T03:04:05Z"), "kept", List.of());

    assertThat(store.importState(imported, List.of(checkpoint))).isEqualTo(1);
    assertThat(store.importState(imported, List.of(checkpoint))).isEqualTo(2);

    assertThat(generations(store.load(APP))).containsExactly(entry("a", 5));
    assertThat(store.checkpoints(APP)).containsExactly(checkpoint);
    assertThat(store.deployments())
        .extracting(DeploymentSummary::name, DeploymentSummary::resources)
        .containsExactly(tuple(APP, 1));
  }

  @Test
  void anImportThatFailsLeavesNothingBehind() {
    long v1 = store.beginVersion(APP);
    put(v1, resource("a", 1));
    ResourceRecord nameless =
        new ResourceRecord(null, "t", "p", "id", Json.object(), Json.object(), List.of(), null);
    DeploymentState broken =
        new DeploymentState(APP, 9, null, Map.of("a", resource("a", 9), "b", nameless));

    assertThatThrownBy(() -> store.importState(broken, List.of()))
        .isInstanceOf(StateStoreException.class);
    Checkpoint foreign =
        new Checkpoint("cp-00000bad", "other", 1, Instant.now(), "not this one", List.of());
    assertThatThrownBy(() -> store.importState(DeploymentState.empty(APP), List.of(foreign)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other");

    assertThat(store.version(APP)).isEqualTo(v1);
    assertThat(generations(store.load(APP))).containsExactly(entry("a", 1));
    assertThat(store.checkpoint("cp-00000bad")).isEmpty();
  }

  // ---- durability ----

  @Test
  void aReopenedStoreKeepsEverything() {
    long v1 = store.beginVersion(APP);
    put(v1, resource("a", 1));
    long v2 = store.beginVersion(APP);
    put(v2, resource("a", 2));
    JournalEntry pending =
        store.journalIntents(List.of(intent(v2, Change.Kind.CREATE, "b"))).get(0);
    Checkpoint checkpoint = store.createCheckpoint(APP, "kept");
    store.close();

    StateStore reopened = open();

    assertThat(reopened.version(APP)).isEqualTo(v2);
    assertThat(generations(reopened.load(APP))).containsExactly(entry("a", 2));
    assertThat(generations(reopened.load(APP, v1))).containsExactly(entry("a", 1));
    assertThat(reopened.unfinished(APP)).containsExactly(pending);
    assertThat(reopened.checkpoint(checkpoint.id())).contains(checkpoint);
    assertThat(reopened.location()).isEqualTo(store.location());
  }

  // ---- helpers ----

  /** Takes the lock as soon as it is free: a dead session's lock is released a moment later. */
  private StateLock awaitLock(String deployment, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        return store.lock(deployment, LockInfo.current("apply"));
      } catch (LockedException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }

  protected void insertLockRow(String deployment, String token, LockInfo holder, Instant heartbeat)
      throws SQLException {
    try (Connection connection = connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO locks (deployment, token, owner, host, pid, started_at, operation,"
                    + " heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, deployment);
      insert.setString(2, token);
      insert.setString(3, holder.owner());
      insert.setString(4, holder.host());
      insert.setLong(5, holder.pid());
      insert.setLong(6, holder.startedAt().toEpochMilli());
      insert.setString(7, holder.operation());
      insert.setLong(8, heartbeat.toEpochMilli());
      insert.executeUpdate();
    }
  }

  protected long heartbeatMillis(String deployment) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement select =
            connection.prepareStatement("SELECT heartbeat_at FROM locks WHERE deployment = ?")) {
      select.setString(1, deployment);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).as("a lock row for " + deployment).isTrue();
        return row.getLong(1);
      }
    }
  }

  protected void put(long version, ResourceRecord record) {
    JournalEntry entry =
        store.journalIntents(List.of(intent(version, Change.Kind.CREATE, record.name()))).get(0);
    store.journalFinish(entry.id(), JournalEntry.Status.DONE, null, APP, version, record, null);
  }

  protected void remove(long version, String name) {
    JournalEntry entry =
        store.journalIntents(List.of(intent(version, Change.Kind.DELETE, name))).get(0);
    store.journalFinish(entry.id(), JournalEntry.Status.DONE, null, APP, version, null, name);
  }

  protected static ResourceRecord resource(String name, int generation) {
    return new ResourceRecord(
        name,
        "test:thing",
        "test",
        "id-" + name,
        Json.object().put("generation", generation),
        Json.object().put("address", name + ".example"),
        List.of(),
        ResourceState.CREATED);
  }

  protected static JournalEntry intent(long version, Change.Kind kind, String name) {
    return new JournalEntry(
        0,
        APP,
        version,
        JournalEntry.Phase.APPLY,
        kind,
        name,
        "test:thing",
        "test",
        "id-" + name,
        Json.object().put("name", name),
        JournalEntry.Status.INTENT,
        null,
        null,
        null);
  }

  /** Each resource's name and generation, in the state's order. */
  private static List<Map.Entry<String, Integer>> generations(Optional<DeploymentState> state) {
    List<Map.Entry<String, Integer>> generations = new ArrayList<>();
    state
        .orElseThrow()
        .resources()
        .forEach(
            (name, r) -> generations.add(entry(name, r.properties().get("generation").asInt())));
    return generations;
  }

  private static Map.Entry<String, Integer> entry(String name, int generation) {
    return Map.entry(name, generation);
  }
}
