package io.mcpiac.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.LockInfo;
import io.mcpiac.engine.states.StateStore;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows an apply started elsewhere (another {@code mcp-iac apply}, an MCP server) through what
 * every run leaves in the state store: its journal, one intent before each call to a real system
 * and one result after it. Polled, so it works across processes; sent as the same server-sent
 * events as a run of this UI, with a {@code graph} event whenever a resource joins the picture.
 */
final class JournalWatch {
  private static final long POLL_MS = 150;
  private static final long KEEP_ALIVE_MS = 5000;

  private final UiBackend backend;
  private final String deployment;
  private final Map<Long, JournalEntry.Status> seen = new HashMap<>();
  private final Map<String, List<JournalEntry>> byResource = new LinkedHashMap<>();
  private boolean rollingBack;
  private boolean started;

  private JournalWatch(UiBackend backend, String deployment) {
    this.backend = backend;
    this.deployment = deployment;
  }

  static void send(UiBackend backend, String deployment, HttpServletResponse res)
      throws IOException {
    new JournalWatch(backend, deployment).stream(res);
  }

  private void stream(HttpServletResponse res) throws IOException {
    res.setStatus(200);
    res.setContentType("text/event-stream;charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    OutputStream out = res.getOutputStream();
    long target;
    try (StateStore store = backend.openStore()) {
      long now = store.version(deployment);
      boolean running =
          store.lockHolder(deployment).isPresent()
              && store.journal(deployment, now).stream()
                  .anyMatch(e -> e.status() == JournalEntry.Status.INTENT);
      // a run under way writes the current version; otherwise the next run writes the next one
      target = running ? now : now + 1;
    }
    // the first bytes say the watch has chosen its run: an apply started after them is seen
    write(out, ": watching\n\n");
    long quiet = System.currentTimeMillis();
    while (true) {
      try (StateStore store = backend.openStore()) {
        long version = store.version(deployment);
        Optional<LockInfo> lock = store.lockHolder(deployment);
        List<JournalEntry> entries =
            version >= target ? calls(store.journal(deployment, target)) : List.of();
        if (version > target && entries.isEmpty()) {
          target++; // a state edit (renames recorded before an apply): the run comes after it
          continue;
        }
        if (!entries.isEmpty()) {
          report(out, entries, lock);
          boolean open = entries.stream().anyMatch(e -> e.status() == JournalEntry.Status.INTENT);
          if (!open && (lock.isEmpty() || version > target)) {
            end(out);
            return;
          }
        }
      }
      if (System.currentTimeMillis() - quiet > KEEP_ALIVE_MS) {
        write(out, ": waiting\n\n"); // fails once the page has gone: the watch ends with it
        quiet = System.currentTimeMillis();
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The calls to real systems (a refresh or an import is not an apply to watch). */
  private static List<JournalEntry> calls(List<JournalEntry> entries) {
    return entries.stream()
        .filter(e -> e.phase() == JournalEntry.Phase.APPLY || e.phase() == JournalEntry.Phase.UNDO)
        .toList();
  }

  private void report(OutputStream out, List<JournalEntry> entries, Optional<LockInfo> lock)
      throws IOException {
    Map<String, ActionType> drawn = actions();
    for (JournalEntry e : entries) {
      if (e.phase() == JournalEntry.Phase.APPLY) {
        List<JournalEntry> list = byResource.computeIfAbsent(e.resource(), k -> new ArrayList<>());
        list.removeIf(x -> x.id() == e.id());
        list.add(e);
      }
    }
    // a new resource, or a delete that turned out to be half of a replacement
    boolean grew = !actions().equals(drawn);
    if (!started) {
      started = true;
      ObjectNode start = event("start");
      start.put("elsewhere", true);
      start.put(
          "message",
          "An apply started elsewhere" + lock.map(l -> " by " + l.describe()).orElse("") + ".");
      send(out, "progress", start);
    }
    if (grew) {
      send(out, "graph", PlanView.graph(picture()));
    }
    for (JournalEntry e : entries) {
      JournalEntry.Status before = seen.put(e.id(), e.status());
      if (before == e.status()) {
        continue;
      }
      if (e.phase() == JournalEntry.Phase.UNDO) {
        if (!rollingBack) {
          rollingBack = true;
          send(out, "progress", event("rollback:start"));
        }
        if (e.status() != JournalEntry.Status.INTENT) {
          ObjectNode undo = event("rollback:action");
          undo.put("resource", e.resource());
          undo.put("type", e.type());
          undo.put("status", e.status() == JournalEntry.Status.FAILED ? "failed" : "complete");
          undo.put("message", e.error());
          send(out, "progress", undo);
        }
        continue;
      }
      ObjectNode update = event("action:update");
      update.put("resource", e.resource());
      update.put("type", e.type());
      update.put("action", action(byResource.get(e.resource())).label());
      update.put("status", status(e.status()));
      update.put("message", e.error());
      send(out, "progress", update);
    }
  }

  private Map<String, ActionType> actions() {
    Map<String, ActionType> out = new HashMap<>();
    byResource.forEach((k, v) -> out.put(k, action(v)));
    return out;
  }

  private ObjectNode event(String name) {
    ObjectNode e = Json.object();
    e.put("event", name);
    e.put("at", Instant.now().toString());
    long done =
        seen.entrySet().stream().filter(x -> x.getValue() != JournalEntry.Status.INTENT).count();
    e.put("completed", done);
    e.put("total", byResource.size());
    return e;
  }

  private void end(OutputStream out) throws IOException {
    boolean failed =
        byResource.values().stream()
            .flatMap(List::stream)
            .anyMatch(e -> e.status() == JournalEntry.Status.FAILED);
    ObjectNode result = Json.object();
    result.put("status", rollingBack ? "rolled back" : failed ? "failed" : "succeeded");
    result.put("success", !rollingBack && !failed);
    ObjectNode end = Json.object();
    end.put("event", Run.END);
    end.set("result", result);
    send(out, Run.END, end);
  }

  /** The resources of the run so far as a plan to draw: their action and their dependencies. */
  private Plan picture() {
    List<PlannedAction> actions = new ArrayList<>();
    for (var r : byResource.entrySet()) {
      JournalEntry last = r.getValue().get(r.getValue().size() - 1);
      List<String> deps = new ArrayList<>();
      last.record().path("dependencies").forEach(d -> deps.add(d.asText()));
      actions.add(
          new PlannedAction(
              r.getKey(),
              last.type(),
              last.provider(),
              action(r.getValue()),
              last.resourceId(),
              deps,
              Json.object(),
              null,
              Json.object(),
              Json.object(),
              List.of(),
              List.of(),
              "journalled",
              -1));
    }
    return new Plan("watch", deployment, Instant.now(), 0, "", actions, List.of(), null, List.of());
  }

  /** A delete and a create of one resource in one run is its replacement. */
  private static ActionType action(List<JournalEntry> entries) {
    boolean delete = false;
    boolean create = false;
    for (JournalEntry e : entries) {
      delete |= e.kind() == io.mcpiac.engine.providers.Change.Kind.DELETE;
      create |= e.kind() == io.mcpiac.engine.providers.Change.Kind.CREATE;
    }
    if (delete && create) {
      return ActionType.REPLACE;
    }
    return ActionType.valueOf(entries.get(entries.size() - 1).kind().name());
  }

  private static String status(JournalEntry.Status s) {
    return switch (s) {
      case INTENT -> "running";
      case DONE, RECONCILED -> "complete";
      case FAILED -> "failed";
    };
  }

  private static void send(OutputStream out, String name, ObjectNode data) throws IOException {
    write(out, "event: " + name + "\ndata: " + Json.write(data) + "\n\n");
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
