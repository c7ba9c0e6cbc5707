package io.mcpiac.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.states.StateDamagedException;
import io.mcpiac.engine.states.StateStores;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State damage for real: a real SQLite file corrupted (random bytes) or truncated under a running
 * apply, corrupted after an unclean shutdown, and a real full disk (a small tmpfs, where this
 * machine lets root mount one).
 */
class StateDamageTest {
  @TempDir Path dir;

  private static String coreChain(int n, int delayMs) {
    StringBuilder y =
        new StringBuilder(
            "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: dmg}\nspec:\n"
                + "  resources:\n");
    for (int i = 0; i < n; i++) {
      y.append("    - {type: core:data, name: r")
          .append(i)
          .append(", properties: {input: v")
          .append(i)
          .append(", delayMs: ")
          .append(delayMs)
          .append("}}\n");
    }
    return y.toString();
  }

  /** Random bytes over every page but the first (SQLite's header and schema root stay). */
  static void corrupt(Path file) throws IOException {
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      for (long at = 4096; at < f.length(); at += junk.length) {
        f.seek(at);
        f.write(junk, 0, (int) Math.min(junk.length, f.length() - at));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"random bytes", "truncated", "random bytes in the WAL"})
  void aFileCorruptedDuringAnApplyFailsTheApplyInsteadOfReportingSuccess(String damage)
      throws Exception {
    Path db = dir.resolve("state.db");
    try (EngineFixture f = new EngineFixture("sqlite:" + db)) {
      Deployment d =
          DeploymentValidator.requireValid(
              DeploymentLoader.load(coreChain(30, 25), "<test>"), f.registry);
      CompletableFuture<ExecutionResult> run =
          CompletableFuture.supplyAsync(
              () -> f.apply(d, new ExecutionOptions(2, false, true, java.util.Set.of())));
      while (f.started().size() < 6 && !run.isDone()) {
        Thread.sleep(2);
      }
      switch (damage) {
        case "truncated" -> {
          try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            file.setLength(4096);
          }
        }
        case "random bytes in the WAL" -> corrupt(dir.resolve("state.db-wal"));
        default -> corrupt(db);
      }
      ExecutionResult r = run.get(60, TimeUnit.SECONDS);

      assertThat(r.success()).isFalse();
      assertThat(r.error())
          .contains("the state at sqlite:" + db.toAbsolutePath() + " is corrupt")
          .contains("The apply stopped at once")
          .contains("nothing was undone")
          .contains("Completed by this apply: create r")
          .contains("To recover:");
      assertThat(r.rolledBack()).isFalse();
    }
  }

  @Test
  void aCorruptFileIsFoundWhenItIsOpenedAfterAnUncleanShutdown() throws Exception {
    Path db = dir.resolve("state.db");
    Path copy = dir.resolve("copy.db");
    try (EngineFixture f = new EngineFixture("sqlite:" + db)) {
      Deployment d =
          DeploymentValidator.requireValid(
              DeploymentLoader.load(coreChain(10, 0), "<test>"), f.registry);
      assertThat(f.apply(d).success()).isTrue();
      // the process "dies" here: its file and its write-ahead log are what the next run finds
      Files.copy(db, copy);
      Files.copy(dir.resolve("state.db-wal"), dir.resolve("copy.db-wal"));
    }
    corrupt(copy);
    assertThatThrownBy(() -> StateStores.open("sqlite:" + copy))
        .isInstanceOf(StateDamagedException.class)
        .hasMessageContaining("is corrupt")
        .satisfies(
            e ->
                assertThat(((StateDamagedException) e).damage())
                    .isEqualTo(StateDamagedException.Damage.CORRUPT));
  }

  @Test
  void aFullDiskStopsTheApplyStillUndoesAndTheNextRunReconciles() throws Exception {
    Path full = Files.createDirectories(dir.resolve("full"));
    assumeThat(run("mount", "-t", "tmpfs", "-o", "size=320k", "tmpfs", full.toString()))
        .as("a small tmpfs can be mounted here (root)")
        .isZero();
    try {
      StagedProvider p = new StagedProvider();
      try (EngineFixture f = new EngineFixture("sqlite:" + full.resolve("state.db"))) {
        f.registry.register("staged", p);
        StringBuilder y =
            new StringBuilder(
                "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: dmg}\nspec:\n"
                    + "  resources:\n");
        String big = "x".repeat(3000);
        for (int i = 0; i < 80; i++) {
          y.append("    - {type: \"staged:item\", name: i")
              .append(i)
              .append(", properties: {value: ")
              .append(big)
              .append(i)
              .append("}}\n");
        }
        Deployment d =
            DeploymentValidator.requireValid(
                DeploymentLoader.load(y.toString(), "<t>"), f.registry);
        ExecutionResult r = f.apply(d);

        assertThat(r.success()).isFalse();
        assertThat(r.error())
            .contains("is full")
            .contains("The apply stopped at once")
            .contains("undone where possible")
            .contains("free space where the state lives");
        // done changes are reported as done, not as failed
        assertThat(r.count(ActionResult.Status.COMPLETE)).isPositive();
        assertThat(r.results())
            .filteredOn(a -> a.status() == ActionResult.Status.FAILED)
            .allMatch(a -> a.error().startsWith("not started: "));
        // the rollback did not wait for rows it could not write: the system is as before
        assertThat(r.rolledBack()).isTrue();
        assertThat(p.saved).isEmpty();

        assertThat(run("mount", "-o", "remount,size=64m", full.toString())).isZero();
        ExecutionResult again = f.apply(d); // recovery first, then the plan converges
        assertThat(again.success()).as(String.valueOf(again.error())).isTrue();
        assertThat(f.store.unfinished("dmg")).isEmpty();
        assertThat(p.saved).hasSize(80);
        assertThat(f.store.load("dmg").orElseThrow().resources()).hasSize(80);
        assertThat(f.plan(d).hasChanges()).isFalse();
      }
    } finally {
      run("umount", full.toString());
    }
  }

  private static int run(String... cmd) throws Exception {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
