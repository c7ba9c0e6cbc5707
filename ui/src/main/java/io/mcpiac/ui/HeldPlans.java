package io.mcpiac.ui;

import io.mcpiac.engine.plans.Plan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plans the page was shown, by id, until applied (the page sends back the id and the digest it
 * saw). Bounded: the oldest are forgotten first.
 */
final class HeldPlans {
  private static final int MAX = 64;

  /**
   * A plan and how to get an engine for it again: the file it was made from, or the checkpoint (or
   * last configuration) it restores.
   */
  record Held(
      Plan plan,
      String origin,
      java.nio.file.Path file,
      io.mcpiac.engine.states.Checkpoint checkpoint) {}

  private final Map<String, Held> plans =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
          return size() > MAX;
        }
      };

  synchronized void put(Held held) {
    plans.put(held.plan().id(), held);
  }

  /** The plan the page approved: refused when unknown or when its digest is not the one shown. */
  synchronized Held take(String id, String digest) {
    Held held = plans.get(id);
    if (held == null) {
      throw new ApiError(404, "plan '" + id + "' is not held any more: plan again");
    }
    if (!PlanView.digest(held.plan()).equals(digest)) {
      throw new ApiError(
          409, "the digest approved is not the digest of plan '" + id + "': plan again and review");
    }
    plans.remove(id);
    return held;
  }
}
