package io.mcpiac.opnsense.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Fault injection for tests and benchmarks: latency on every API call, extra latency on every
 * apply/reconfigure, a rate of HTTP 500 answers, a rate of dropped connections, and "fail the Nth
 * call to this path" (once), "fail every call to paths that start so" ({@code failPaths}), and
 * "hold the answer of the Nth write" or of the first write to a path containing a text (the call is
 * done, its answer waits until the faults are reset: a harness kills the client meanwhile, as a
 * crash between a firewall's write and the client's record of it).
 */
public final class Faults {
  /** What to do with one call. */
  public enum Decision {
    PASS,
    ERROR,
    DROP
  }

  private long latencyMs;
  private long applyLatencyMs;
  private double errorRate;
  private double dropRate;
  private final Map<String, Integer> failNth = new LinkedHashMap<>();
  private final Map<String, Integer> seen = new LinkedHashMap<>();
  private final java.util.Set<String> failPaths = new java.util.TreeSet<>();
  private Random random = new Random();
  private int holdAfterWrite;
  private String holdWriteTo = "";
  private int writes;
  private boolean holding;

  /** Replaces the settings with those in a JSON body (absent keys reset to off). */
  public synchronized void configure(JsonNode body) {
    reset();
    latencyMs = body.path("latencyMs").asLong(0);
    applyLatencyMs = body.path("applyLatencyMs").asLong(0);
    errorRate = body.path("errorRate").asDouble(0);
    dropRate = body.path("dropRate").asDouble(0);
    if (body.has("seed")) {
      random = new Random(body.get("seed").asLong());
    }
    holdAfterWrite = body.path("holdAfterWrite").asInt(0);
    holdWriteTo = body.path("holdWriteTo").asText("");
    body.path("failPaths").forEach(n -> failPaths.add(n.asText()));
    JsonNode nth = body.path("failNth");
    if (nth.isArray()) {
      for (JsonNode n : nth) {
        failNth.put(n.path("path").asText(), n.path("n").asInt(1));
      }
    } else if (nth.isObject()) {
      nth.properties().forEach(e -> failNth.put(e.getKey(), e.getValue().asInt(1)));
    }
    if (errorRate < 0 || errorRate > 1 || dropRate < 0 || dropRate > 1) {
      reset();
      throw new IllegalArgumentException("errorRate and dropRate must be between 0 and 1");
    }
  }

  public synchronized void reset() {
    latencyMs = 0;
    applyLatencyMs = 0;
    errorRate = 0;
    dropRate = 0;
    failNth.clear();
    seen.clear();
    failPaths.clear();
    holdAfterWrite = 0;
    holdWriteTo = "";
    writes = 0;
    holding = false;
    notifyAll();
  }

  public synchronized ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("latencyMs", latencyMs);
    o.put("applyLatencyMs", applyLatencyMs);
    o.put("errorRate", errorRate);
    o.put("dropRate", dropRate);
    ObjectNode nth = o.putObject("failNth");
    failNth.forEach(nth::put);
    failPaths.forEach(o.putArray("failPaths")::add);
    o.put("holdAfterWrite", holdAfterWrite);
    o.put("holdWriteTo", holdWriteTo);
    o.put("writes", writes);
    o.put("holding", holding);
    return o;
  }

  /** Decides the fate of a call to {@code path} (counting it for "fail the Nth call"). */
  public synchronized Decision decide(String path) {
    for (String prefix : failPaths) {
      if (path.startsWith(prefix)) {
        return Decision.ERROR;
      }
    }
    Integer n = failNth.get(path);
    if (n != null) {
      int count = seen.merge(path, 1, Integer::sum);
      if (count == n) {
        failNth.remove(path);
        return Decision.ERROR;
      }
    }
    if (dropRate > 0 && random.nextDouble() < dropRate) {
      return Decision.DROP;
    }
    if (errorRate > 0 && random.nextDouble() < errorRate) {
      return Decision.ERROR;
    }
    return Decision.PASS;
  }

  /**
   * Called once a call was handled, before its answer is sent: holds the answer of the write
   * numbered {@code holdAfterWrite} (POSTs other than searches, gets and status reads, counted from
   * the last configuration), or the first write whose path contains {@code holdWriteTo} (an
   * object's UUID), until the faults are reset.
   */
  public synchronized void afterCall(String method, String path) {
    if (!isWrite(method, path)) {
      return;
    }
    writes++;
    boolean byNumber = holdAfterWrite > 0 && writes == holdAfterWrite;
    // a write to one object (its id in the path), however many writes come before it
    boolean byPath = !holdWriteTo.isEmpty() && path.contains(holdWriteTo);
    if (!byNumber && !byPath) {
      return;
    }
    holdWriteTo = "";
    holding = true;
    while (holding) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Whether the write {@code holdAfterWrite} is being held. */
  public synchronized boolean holding() {
    return holding;
  }

  /** Writes seen since the last configuration. */
  public synchronized int writes() {
    return writes;
  }

  private static boolean isWrite(String method, String path) {
    if (!"POST".equals(method)) {
      return false;
    }
    String[] parts = path.split("/");
    String action = parts.length > 4 ? parts[4].toLowerCase(java.util.Locale.ROOT) : "";
    return !(action.startsWith("search") || action.startsWith("get") || action.equals("status"));
  }

  public void callDelay() {
    sleep(latency(false));
  }

  public void applyDelay() {
    sleep(latency(true));
  }

  private synchronized long latency(boolean apply) {
    return apply ? applyLatencyMs : latencyMs;
  }

  private static void sleep(long ms) {
    if (ms <= 0) {
      return;
    }
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
