package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import io.mcpiac.opnsense.OpnsenseProviderFactory;
import io.mcpiac.opnsense.emulator.OpnsenseEmulator;
import io.mcpiac.opnsense.emulator.control.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill harness on a firewall: a child JVM running {@code mcp-iac apply} (then {@code destroy})
 * of 40 OPNsense resources is killed with SIGKILL while the emulator holds the answer of its Nth
 * write, for every N until the run has no Nth write: the write is done on the firewall, the child
 * never learns it. After each kill the next run (recovery, then apply or destroy) must leave the
 * firewall with exactly the deployment's objects, no duplicate, no orphan, and no module with saved
 * but unactivated changes; state must have no unfinished entry and a plan no changes.
 */
class OpnsenseCrashRecoveryTest {
  private static final String NAME = "fw-crash";
  private static final String KEY = "crash-key";
  private static final String SECRET = "crash-secret";

  /** Collections the deployment writes to, with how many objects it puts in each. */
  private static final Map<String, Integer> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("Interfaces.Vlan:vlan", 4);
    EXPECTED.put("Firewall.Alias:aliases.alias", 8);
    EXPECTED.put("Firewall.Filter:rules.rule", 8);
    EXPECTED.put("HAProxy.HAProxy:servers.server", 6 + 2); // and a backend's two inline servers
    EXPECTED.put("HAProxy.HAProxy:backends.backend", 2);
    EXPECTED.put("HAProxy.HAProxy:frontends.frontend", 2);
    EXPECTED.put("Unbound.Unbound:hosts.host", 10);
  }

  @TempDir Path dir;

  private static String yaml() {
    StringBuilder y =
        new StringBuilder(
            "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: "
                + NAME
                + "}\nspec:\n  resources:\n");
    for (int i = 0; i < 4; i++) {
      y.append("    - {type: opnsense:network:vlan, name: v")
          .append(i)
          .append(", properties: {tag: ")
          .append(201 + i)
          .append(", interface: igb2}}\n");
    }
    for (int i = 0; i < 8; i++) {
      y.append("    - {type: opnsense:firewall:alias, name: al")
          .append(i)
          .append(", properties: {type: host, content: [\"10.0.2.")
          .append(10 + i)
          .append("\"]}}\n");
      y.append("    - {type: opnsense:firewall:rule, name: r")
          .append(i)
          .append(", properties: {interface: lan, destination: \"${al")
          .append(i)
          .append(".name}\", port: ")
          .append(8000 + i)
          .append("}}\n");
    }
    for (int i = 0; i < 6; i++) {
      y.append("    - {type: opnsense:service:haproxy:server, name: s")
          .append(i)
          .append(", properties: {address: 10.0.1.")
          .append(10 + i)
          .append(", port: 8080}}\n");
    }
    for (int b = 0; b < 2; b++) {
      y.append("    - {type: opnsense:service:haproxy:backend, name: b")
          .append(b)
          .append(", properties: {servers: [\"${s")
          .append(3 * b)
          .append(".uuid}\", \"${s")
          .append(3 * b + 1)
          .append(".uuid}\", \"${s")
          .append(3 * b + 2)
          .append(".uuid}\", \"10.0.1.")
          .append(50 + b)
          .append(":8080\"]}}\n");
      y.append("    - {type: opnsense:service:haproxy:frontend, name: f")
          .append(b)
          .append(", properties: {bind: \"0.0.0.0:")
          .append(8443 + b)
          .append("\", defaultBackend: \"${b")
          .append(b)
          .append(".uuid}\"}}\n");
    }
    for (int i = 0; i < 10; i++) {
      y.append("    - {type: opnsense:service:dns:override, name: d")
          .append(i)
          .append(", properties: {hostname: h")
          .append(i)
          .append(", domain: example.org, address: 10.0.3.")
          .append(10 + i)
          .append("}}\n");
    }
    return y.toString();
  }

  /** One emulator over plain HTTP on loopback, optionally from a saved data directory. */
  private static OpnsenseEmulator emulator(Path data) {
    OpnsenseEmulator.Builder b =
        OpnsenseEmulator.builder()
            .version("26.7")
            .port(0)
            .bind("127.0.0.1")
            .tls(false)
            .controlApi(true)
            .apiKey(KEY)
            .apiSecret(SECRET);
    if (data != null) {
      b.dataDir(data);
    }
    return b.build().start();
  }

  private static Map<String, String> env(OpnsenseEmulator fw) {
    return Map.of("OPNSENSE_URL", fw.url(), "OPNSENSE_API_KEY", KEY, "OPNSENSE_API_SECRET", SECRET);
  }

  private static ProviderRegistry registry(OpnsenseEmulator fw) {
    return new ProviderRegistry()
        .register(CoreProvider.NAME, new CoreProvider())
        .register(
            "opnsense",
            new OpnsenseProviderFactory(env(fw))
                .create("opnsense", Json.object().put("retryBackoffMs", 20)));
  }

  @Test
  void killedAtEveryWriteOfAnApplyAndADestroyTheNextRunConverges() throws Exception {
    Path file = dir.resolve("fw-crash.yaml");
    Files.writeString(file, yaml());
    // the two harnesses share nothing (each cycle has its own emulator and state): run them side
    // by side, which halves the wall time where two cores are free
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var applies = two.submit(() -> applyKills(file));
      var destroys = two.submit(() -> destroyKills(file));
      int applyKills = applies.get();
      int destroyKills = destroys.get();
      System.err.printf(
          "kill harness: %d kills during apply, %d during destroy%n", applyKills, destroyKills);
      // every write of both runs was a kill point: 40 objects, and the activations
      assertThat(applyKills).isGreaterThanOrEqualTo(40);
      assertThat(destroyKills).isGreaterThanOrEqualTo(40);
    } finally {
      two.shutdownNow();
    }
  }

  /** Kills an apply at write 1, 2, … until it has no such write; returns how many kills. */
  private int applyKills(Path file) throws Exception {
    int applyKills = 0;
    for (int n = 1; ; n++) {
      try (OpnsenseEmulator fw = emulator(null);
          ProviderRegistry registry = registry(fw)) {
        Deployment d = DeploymentValidator.requireValid(DeploymentLoader.load(file), registry);
        Map<String, Integer> baseline = counts(fw);
        String state = "sqlite:" + dir.resolve("apply-" + n + ".db");
        boolean killed =
            runAndKill(fw, n, "apply", "-f", file.toString(), "--yes", "--state", state);
        try (StateStore store = StateStores.open(state)) {
          Engine engine = new Engine(registry, store);
          Engine.Applied again =
              engine.planAndApply(
                  d,
                  ExecutionOptions.DEFAULTS,
                  p -> true,
                  ProgressListener.NONE,
                  new Cancellation());
          assertThat(again.result() == null || again.result().success())
              .as("apply after a kill at write %d: %s", n, again.result())
              .isTrue();
          assertConverged(fw, baseline, 1, "apply killed at write " + n);
          assertThat(store.unfinished(NAME)).isEmpty();
          assertThat(engine.plan(d).hasChanges()).as("plan after kill at write %d", n).isFalse();
        }
        if (!killed) {
          break;
        }
        applyKills++;
      }
    }
    return applyKills;
  }

  /** Kills a destroy at write 1, 2, … until it has no such write; returns how many kills. */
  private int destroyKills(Path file) throws Exception {
    // one applied firewall and its state, copied for every destroy
    Path data = Files.createDirectories(dir.resolve("applied-fw"));
    Path appliedState = dir.resolve("applied.db");
    Map<String, Integer> baseline;
    try (OpnsenseEmulator fw = emulator(data);
        ProviderRegistry registry = registry(fw);
        StateStore store = StateStores.open("sqlite:" + appliedState)) {
      baseline = counts(fw);
      Deployment d = DeploymentValidator.requireValid(DeploymentLoader.load(file), registry);
      Engine.Applied first =
          new Engine(registry, store)
              .planAndApply(
                  d,
                  ExecutionOptions.DEFAULTS,
                  p -> true,
                  ProgressListener.NONE,
                  new Cancellation());
      assertThat(first.result().success()).isTrue();
    }
    int destroyKills = 0;
    for (int n = 1; ; n++) {
      Path copy = dir.resolve("destroy-fw-" + n);
      copyTree(data, copy);
      Path stateFile = dir.resolve("destroy-" + n + ".db");
      Files.copy(appliedState, stateFile);
      String state = "sqlite:" + stateFile;
      try (OpnsenseEmulator fw = emulator(copy);
          ProviderRegistry registry = registry(fw)) {
        assertConverged(fw, baseline, 1, "restoring the applied firewall");
        boolean killed = runAndKill(fw, n, "destroy", NAME, "--yes", "--state", state);
        try (StateStore store = StateStores.open(state)) {
          Engine engine = new Engine(registry, store);
          Engine.Applied again =
              engine.destroy(
                  NAME,
                  ExecutionOptions.DEFAULTS,
                  p -> true,
                  ProgressListener.NONE,
                  new Cancellation());
          assertThat(again.result() == null || again.result().success())
              .as("destroy after a kill at write %d: %s", n, again.result())
              .isTrue();
          assertConverged(fw, baseline, 0, "destroy killed at write " + n);
          assertThat(store.unfinished(NAME)).isEmpty();
          assertThat(store.load(NAME).orElseThrow().resources()).isEmpty();
        }
        if (!killed) {
          break;
        }
        destroyKills++;
      }
    }
    return destroyKills;
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /**
   * Runs the command in a child JVM with the answer of write {@code n} held, and kills the child
   * once it waits for that answer. False when the run ended first (it has fewer writes).
   */
  private static boolean runAndKill(OpnsenseEmulator fw, int n, String... args) throws Exception {
    Faults faults = fw.faults();
    faults.configure(Json.object().put("holdAfterWrite", n));
    Process child = start(fw, args);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!faults.holding() && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      boolean held = faults.holding();
      child.destroyForcibly(); // SIGKILL
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      if (!held) {
        assertThat(child.exitValue()).as("the run without a kill").isZero();
      }
      return held;
    } finally {
      faults.reset(); // releases the held answer: its client is gone
    }
  }

  private static Process start(OpnsenseEmulator fw, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1"); // starts faster; each run is short
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xshare:auto");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env(fw));
    return pb.start();
  }

  /** Objects per collection on the firewall (saved configuration). */
  private static Map<String, Integer> counts(OpnsenseEmulator fw) {
    Map<String, Integer> out = new TreeMap<>();
    JsonNode collections = fw.state().path("pending").path("collections");
    for (String c : EXPECTED.keySet()) {
      out.put(c, collections.path(c).size());
    }
    return out;
  }

  /** Exactly {@code times} the deployment on top of the baseline, and nothing left to activate. */
  private static void assertConverged(
      OpnsenseEmulator fw, Map<String, Integer> baseline, int times, String when) {
    Map<String, Integer> expected = new TreeMap<>();
    EXPECTED.forEach((c, k) -> expected.put(c, baseline.get(c) + times * k));
    assertThat(counts(fw)).as("objects after %s", when).isEqualTo(expected);
    List<String> dirty = new ArrayList<>();
    fw.state()
        .path("dirty")
        .properties()
        .forEach(
            e -> {
              if (e.getValue().asBoolean()) {
                dirty.add(e.getKey());
              }
            });
    assertThat(dirty).as("modules with unactivated changes after %s", when).isEmpty();
  }
}
