package io.mcpiac.mcp.tools;

import io.mcpiac.engine.config.Move;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.ToolFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans made by {@code planDeployment}, by id, until applied. Bounded: the oldest plans go first
 * (an old plan would most likely be stale anyway).
 */
public final class PlanCache {
  static final int CAPACITY = 256;

  /** A plan and the deployment's renames ({@code spec.moved}) that apply records first. */
  private record Cached(Plan plan, List<Move> moves) {}

  private final Map<String, Cached> plans =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
          return size() > CAPACITY;
        }
      };

  public synchronized void put(Plan plan) {
    put(plan, List.of());
  }

  /** A plan made against state with {@code moves} applied: apply must record them first. */
  public synchronized void put(Plan plan, List<Move> moves) {
    plans.put(plan.id(), new Cached(plan, List.copyOf(moves)));
  }

  /** The renames the plan was made with; empty for none. */
  public synchronized List<Move> moves(String planId) {
    Cached entry = plans.get(planId);
    return entry == null ? List.of() : entry.moves();
  }

  public synchronized Plan get(String planId) {
    Cached entry = plans.get(planId);
    Plan plan = entry == null ? null : entry.plan();
    if (plan == null) {
      throw new ToolFailure(
          ErrorCode.PLAN_NOT_FOUND,
          "no plan '"
              + planId
              + "' on this server (plans live in memory until applied; make one with"
              + " planDeployment)");
    }
    return plan;
  }

  public synchronized void remove(String planId) {
    plans.remove(planId);
  }
}
