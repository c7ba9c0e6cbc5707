package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a child JVM running {@code mcp-iac apply} is killed with SIGKILL at many different
 * points of its journal; each time the next apply converges, with no duplicate, no unfinished
 * journal entry and every value where it belongs.
 */
class CrashRecoveryTest {
  private static final int CHAINS = 4;
  private static final int DEPTH = 6;
  private static final String NAME = "crash";
  // each chain sleeps its own time, so that results of different chains rarely land in the same
  // millisecond: a kill after journal row n then leaves a picture of its own for most n
  private static final int[] DELAY_MS = {9, 14, 20, 27};

  @TempDir Path dir;

  private Path writeDeployment() throws Exception {
    StringBuilder yaml =
        new StringBuilder(
            "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: "
                + NAME
                + "}\nspec:\n"
                + "  resources:\n");
    for (int c = 0; c < CHAINS; c++) {
      for (int d = 0; d < DEPTH; d++) {
        String name = "c" + c + "-" + d;
        String input =
            d == 0 ? "\"root-" + c + "\"" : "\"${c" + c + "-" + (d - 1) + ".output}/" + d + "\"";
        yaml.append("    - type: core:data\n      name: ")
            .append(name)
            .append("\n      properties: {input: ")
            .append(input)
            .append(", delayMs: ")
            .append(DELAY_MS[c])
            .append("}\n");
      }
    }
    Path file = dir.resolve("crash.yaml");
    Files.writeString(file, yaml);
    DeploymentLoader.load(file); // the file itself must be valid
    return file;
  }

  @Test
  void killedAtTwentyPointsAndMoreTheNextApplyConverges() throws Exception {
    Path file = writeDeployment();
    int total = CHAINS * DEPTH;
    Set<String> killPoints = new TreeSet<>();
    int killed = 0;
    int reconciled = 0;
    // 24 kills after the 1st, 2nd, ... 24th journal row; then, while fewer than 15 different
    // pictures were seen, up to 24 more a few ms after rows 10 to 21, which die with other
    // results finished: how rows fall against a kill varies with the machine's speed, so the
    // test goes on until it has covered enough points instead of hoping one pass does
    for (int n = 1; n <= 24 || (killPoints.size() < 15 && n <= 48); n++) {
      Path run = Files.createDirectories(dir.resolve("run-" + n));
      String state = "sqlite:" + run.resolve("state.db");
      try (StateStore watcher = StateStores.open(state)) {
        Process child = startApply(file, state);
        int seen = waitForJournal(watcher, child, n <= 24 ? n : 10 + (n - 25) % 12);
        if (n > 24) {
          Thread.sleep(2 + (n % 3) * 3);
        }
        if (child.isAlive()) {
          child.destroyForcibly(); // SIGKILL
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<JournalEntry> at = watcher.journal(NAME, 1);
        long done = at.stream().filter(e -> e.status() != JournalEntry.Status.INTENT).count();
        if (child.exitValue() == 137) {
          killed++;
          killPoints.add(at.size() + "/" + done);
        }
        assertThat(seen).isGreaterThanOrEqualTo(Math.min(n, 1));
      }

      String[] output = new String[1];
      int exit = runInProcess(output, "apply", "-f", file.toString(), "--yes", "--state", state);
      assertThat(exit).as("apply after kill #%d:\n%s", n, output[0]).isZero();

      try (StateStore store = StateStores.open(state)) {
        DeploymentState s = store.load(NAME).orElseThrow();
        assertThat(s.resources()).hasSize(total);
        for (int c = 0; c < CHAINS; c++) {
          StringBuilder expected = new StringBuilder("root-" + c);
          for (int d = 0; d < DEPTH; d++) {
            if (d > 0) {
              expected.append('/').append(d);
            }
            assertThat(s.resource("c" + c + "-" + d).orElseThrow().outputs().get("output").asText())
                .isEqualTo(expected.toString());
          }
        }
        assertThat(store.unfinished(NAME)).isEmpty();
        reconciled +=
            (int)
                store.journal(NAME, 1).stream()
                    .filter(e -> e.status() == JournalEntry.Status.RECONCILED)
                    .count();
      }
      assertThat(
              runInProcess(
                  output, "plan", "-f", file.toString(), "--state", state, "--detailed-exitcode"))
          .as("no changes left after kill #%d:\n%s", n, output[0])
          .isZero();
    }
    // killed mid-apply after the 1st, 2nd, ... journal row: at least 20 different thresholds;
    // with three actions in flight two rows can still land together, so some thresholds leave
    // the same picture: (journal rows written, rows finished) when the process died
    System.err.println("CrashRecoveryTest: " + killed + " kills, pictures " + killPoints);
    assertThat(killed).isGreaterThanOrEqualTo(20);
    assertThat(killPoints).hasSizeGreaterThanOrEqualTo(15);
    // some kills landed between an intent and its result: recovery had to reconcile
    assertThat(reconciled).isPositive();
  }

  private Process startApply(Path file, String state) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1"); // starts faster; this run is short
    cmd.add("-Xshare:auto");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(
        List.of("apply", "-f", file.toString(), "--yes", "--state", state, "--parallelism", "3"));
    return new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Polls the journal until it has at least {@code rows} rows or the child ends. */
  private static int waitForJournal(StateStore watcher, Process child, int rows)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && child.isAlive()) {
      int size = watcher.version(NAME) == 0 ? 0 : watcher.journal(NAME, 1).size();
      if (size >= rows) {
        return size;
      }
      Thread.sleep(1);
    }
    return watcher.version(NAME) == 0 ? 0 : watcher.journal(NAME, 1).size();
  }

  private static int runInProcess(String[] output, String... args) {
    Cli.Run run = Cli.run(args);
    output[0] = run.printed();
    return run.exit();
  }
}
