package io.mcpiac.engine.states;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.resources.ResourceState;
import java.nio.file.Files;
import java.util.List;

/**
 * Not a test: times the apply pattern (one intent transaction and one finish transaction per
 * resource) against a fresh store. Run with {@code java -cp … StateStoreThroughput [location]
 * [resources]}.
 */
public final class StateStoreThroughput {
  private StateStoreThroughput() {}

  public static void main(String[] args) throws Exception {
    String location =
        args.length > 0
            ? args[0]
            : "sqlite:" + Files.createTempDirectory("state-throughput").resolve("state.db");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;

    long opened = System.nanoTime();
    try (StateStore store = StateStores.open(location);
        StateLock lock = store.lock("bench", LockInfo.current("apply"))) {
      System.err.printf("open + lock: %.1f ms%n", (System.nanoTime() - opened) / 1e6);
      for (int round = 1; round <= 3; round++) {
        long version = store.beginVersion("bench");
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
          String name = "resource-" + i;
          ResourceRecord record =
              new ResourceRecord(
                  name,
                  "opnsense:firewall:rule",
                  "opnsense.main",
                  "uuid-" + i,
                  Json.object()
                      .put("action", "pass")
                      .put("source", "10.0.0." + (i % 250))
                      .put("port", 443)
                      .put("round", round),
                  Json.object().put("uuid", "uuid-" + i),
                  List.of("resource-" + Math.max(0, i - 1)),
                  ResourceState.CREATED);
          JournalEntry intent =
              new JournalEntry(
                  0,
                  "bench",
                  version,
                  JournalEntry.Phase.APPLY,
                  round == 1 ? Change.Kind.CREATE : Change.Kind.UPDATE,
                  name,
                  record.type(),
                  record.provider(),
                  record.id(),
                  record.properties(),
                  JournalEntry.Status.INTENT,
                  null,
                  null,
                  null);
          long id = store.journalIntents(List.of(intent)).get(0).id();
          store.journalFinish(id, JournalEntry.Status.DONE, null, "bench", version, record, null);
        }
        double millis = (System.nanoTime() - started) / 1e6;
        long loadStarted = System.nanoTime();
        int loaded = store.load("bench").orElseThrow().resources().size();
        double loadMillis = (System.nanoTime() - loadStarted) / 1e6;
        long historyStarted = System.nanoTime();
        int old = store.load("bench", 1).orElseThrow().resources().size();
        double historyMillis = (System.nanoTime() - historyStarted) / 1e6;
        System.err.printf(
            "round %d: %d actions in %.0f ms = %.3f ms/action; load %d in %.0f ms;"
                + " load(v1) %d in %.0f ms%n",
            round, count, millis, millis / count, loaded, loadMillis, old, historyMillis);
      }
    }
  }
}
