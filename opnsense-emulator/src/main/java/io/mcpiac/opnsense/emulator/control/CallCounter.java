package io.mcpiac.opnsense.emulator.control;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts API calls per method and path ({@code GET /__emulator/calls}). */
public final class CallCounter {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  public void record(String method, String path) {
    counts.computeIfAbsent(method + " " + path, k -> new AtomicLong()).incrementAndGet();
  }

  public void reset() {
    counts.clear();
  }

  public long count(String method, String path) {
    AtomicLong c = counts.get(method + " " + path);
    return c == null ? 0 : c.get();
  }

  public ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode calls = out.putObject("calls");
    long total = 0;
    for (Map.Entry<String, AtomicLong> e : new TreeMap<>(counts).entrySet()) {
      calls.put(e.getKey(), e.getValue().get());
      total += e.getValue().get();
    }
    out.put("total", total);
    return out;
  }
}
