package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several operators or CI runners sharing state in one real PostgreSQL server: each is a separate
 * {@code mcp-iac apply} process, as on separate machines.
 */
class TeamStateTest {
  private static final int LENGTH = 4;

  @TempDir Path dir;

  /** A chain of {@value #LENGTH} core:data resources, each taking {@code delayMs} to create. */
  private Path chain(String name, int delayMs) throws IOException {
    StringBuilder yaml =
        new StringBuilder(
            "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: "
                + name
                + "}\nspec:\n  resources:\n");
    for (int i = 0; i < LENGTH; i++) {
      String input = i == 0 ? "\"" + name + "\"" : "\"${r" + (i - 1) + ".output}/" + i + "\"";
      yaml.append("    - type: core:data\n      name: r")
          .append(i)
          .append("\n      properties: {input: ")
          .append(input)
          .append(", delayMs: ")
          .append(delayMs)
          .append("}\n");
    }
    return Files.writeString(dir.resolve(name + "-" + delayMs + ".yaml"), yaml);
  }

  /** What a converged chain {@code name} records. */
  private static void assertConverged(String state, String name) {
    try (StateStore store = StateStores.open(state)) {
      DeploymentState converged = store.load(name).orElseThrow();
      assertThat(converged.resources()).hasSize(LENGTH);
      StringBuilder expected = new StringBuilder(name);
      for (int i = 0; i < LENGTH; i++) {
        if (i > 0) {
          expected.append('/').append(i);
        }
        assertThat(converged.resource("r" + i).orElseThrow().outputs().get("output").asText())
            .isEqualTo(expected.toString());
      }
      assertThat(store.unfinished(name)).isEmpty();
      assertThat(store.lockHolder(name)).isEmpty();
    }
  }

  @Test
  void aSecondApplyOfTheSameDeploymentFailsAtOnceNamingTheFirst() throws Exception {
    String state = PostgresServer.freshLocation();
    Path file = chain("shared", 2000);
    Process first = startApply(file, state, "first");
    try (StateStore watcher = StateStores.open(state)) {
      LockInfo holder = awaitHolder(watcher, "shared", first);
      assertThat(holder.pid()).isEqualTo(first.pid());

      Process second = startApply(file, state, "second");
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(second.exitValue()).as(output("second")).isEqualTo(ExitCodes.FAILED);
      assertThat(first.isAlive())
          .as("the first still holds the lock when the second gives up")
          .isTrue();
      assertThat(output("second"))
          .contains("locked by", holder.owner(), holder.host(), "pid " + first.pid());
      assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).as(output("first")).isZero();
      assertThat(watcher.version("shared")).isEqualTo(1);
      assertThat(watcher.journal("shared", 1))
          .extracting(JournalEntry::status)
          .containsOnly(JournalEntry.Status.DONE)
          .hasSize(LENGTH);
    } finally {
      first.destroyForcibly();
    }
    assertConverged(state, "shared");
    assertThat(
            Cli.run("plan", "-f", file.toString(), "--state", state, "--detailed-exitcode").exit())
        .isZero();
  }

  @Test
  void aProcessKilledWhileHoldingTheLockDoesNotStopTheNext() throws Exception {
    String state = PostgresServer.freshLocation();
    Path file = chain("crashy", 600);
    Process killed = startApply(file, state, "killed");
    try (StateStore watcher = StateStores.open(state)) {
      awaitHolder(watcher, "crashy", killed);
      awaitJournal(watcher, "crashy", killed);
    } finally {
      killed.destroyForcibly(); // SIGKILL: no cleanup of any kind
      assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (StateStore watcher = StateStores.open(state)) {
      // The server ends the dead client's session, and with it the lock, a moment later.
      awaitNoHolder(watcher, "crashy");
      assertThat(watcher.unfinished("crashy")).isNotEmpty();
    }

    Process next = startApply(file, state, "next");
    assertThat(next.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(next.exitValue()).as(output("next")).isZero();
    assertConverged(state, "crashy");
    assertThat(
            Cli.run("plan", "-f", file.toString(), "--state", state, "--detailed-exitcode").exit())
        .isZero();
  }

  @Test
  void fourProcessesApplyingFourDeploymentsAtOnceAllSucceed() throws Exception {
    String state = PostgresServer.freshLocation();
    List<String> names = List.of("alpha", "beta", "gamma", "delta");
    List<Process> processes = new ArrayList<>();
    for (String name : names) {
      processes.add(startApply(chain(name, 100), state, name));
    }
    for (int i = 0; i < names.size(); i++) {
      Process process = processes.get(i);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output(names.get(i))).isZero();
    }
    for (String name : names) {
      assertConverged(state, name);
    }
    try (StateStore store = StateStores.open(state)) {
      assertThat(store.deployments()).hasSize(4);
    }
  }

  private Process startApply(Path file, String state, String label) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; these runs are short
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of("apply", "-f", file.toString(), "--yes", "--state", state));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(label + ".log").toFile())
        .start();
  }

  private String output(String label) throws IOException {
    return Files.readString(dir.resolve(label + ".log"), StandardCharsets.UTF_8);
  }

  /** The lock's holder once {@code process} has taken it. */
  private static LockInfo awaitHolder(StateStore watcher, String name, Process process)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && process.isAlive()) {
      Optional<LockInfo> holder = watcher.lockHolder(name);
      if (holder.isPresent() && holder.get().pid() == process.pid()) {
        return holder.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("process " + process.pid() + " never took the lock of " + name);
  }

  private static void awaitNoHolder(StateStore watcher, String name) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && watcher.lockHolder(name).isPresent()) {
      Thread.sleep(10);
    }
    assertThat(watcher.lockHolder(name)).as("the killed process's lock").isEmpty();
  }

  /** Waits until {@code process} has journalled its first change: it is mid-apply. */
  private static void awaitJournal(StateStore watcher, String name, Process process)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && process.isAlive()) {
      long version = watcher.version(name);
      if (version > 0 && !watcher.journal(name, version).isEmpty()) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("process " + process.pid() + " never journalled a change");
  }
}
