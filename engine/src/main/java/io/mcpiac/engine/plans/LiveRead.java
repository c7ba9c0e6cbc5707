package io.mcpiac.engine.plans;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.states.ResourceRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads what really exists for a set of recorded resources: one batched read per provider instance
 * and type (never one call per resource), the groups read in parallel.
 */
public final class LiveRead {
  private final Map<String, LiveResource> found;
  private final String fingerprint;

  private LiveRead(Map<String, LiveResource> found, String fingerprint) {
    this.found = found;
    this.fingerprint = fingerprint;
  }

  /** The live object of a recorded resource; null when it no longer exists. */
  public LiveResource get(String name) {
    return found.get(name);
  }

  /** A digest of everything read, to tell later whether the world moved on. */
  public String fingerprint() {
    return fingerprint;
  }

  public Map<String, LiveResource> all() {
    return found;
  }

  public static LiveRead of(ProviderRegistry registry, Collection<ResourceRecord> records) {
    Map<String, List<ResourceRecord>> groups = new LinkedHashMap<>();
    for (ResourceRecord r : records) {
      groups.computeIfAbsent(r.provider() + "\u0000" + r.type(), k -> new ArrayList<>()).add(r);
    }
    Map<String, LiveResource> found = new TreeMap<>();
    if (!groups.isEmpty()) {
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, groups.size()));
      try {
        List<CompletableFuture<Map<String, LiveResource>>> reads = new ArrayList<>();
        for (List<ResourceRecord> group : groups.values()) {
          reads.add(CompletableFuture.supplyAsync(() -> readGroup(registry, group), pool));
        }
        for (CompletableFuture<Map<String, LiveResource>> read : reads) {
          found.putAll(read.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading live state", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    return new LiveRead(found, digest(records, found));
  }

  private static Map<String, LiveResource> readGroup(
      ProviderRegistry registry, List<ResourceRecord> group) {
    ResourceRecord first = group.get(0);
    Provider provider = registry.providerFor(first.type(), first.provider());
    ResourceType type =
        provider
            .resourceType(first.type())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "provider " + first.provider() + " no longer knows type " + first.type()));
    List<ReadRequest> requests = new ArrayList<>(group.size());
    for (ResourceRecord r : group) {
      requests.add(new ReadRequest(r.name(), r.id(), r.properties(), r.outputs()));
    }
    return provider.read(type, requests);
  }

  private static String digest(
      Collection<ResourceRecord> records, Map<String, LiveResource> found) {
    StringBuilder text = new StringBuilder();
    records.stream()
        .map(ResourceRecord::name)
        .sorted()
        .forEach(
            name -> {
              LiveResource live = found.get(name);
              text.append(name).append('=');
              if (live == null) {
                text.append("absent");
              } else {
                text.append(live.id())
                    .append(Json.canonical(Json.copy(live.properties())))
                    .append(Json.canonical(Json.copy(live.outputs())));
              }
              text.append('\n');
            });
    return Json.sha256(text.toString()).substring(0, 16);
  }
}
