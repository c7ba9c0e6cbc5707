package io.mcpiac.mcp.tools;

import io.mcpiac.engine.plans.Plan;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.ToolFailure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plans made by {@code planDeployment}, by id, until applied. Bounded: the oldest plans go first
 * (an old plan would most likely be stale anyway).
 */
public final class PlanCache {
  static final int CAPACITY = 256;

  private final Map<String, Plan> plans =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Plan> eldest) {
          return size() > CAPACITY;
        }
      };

  public synchronized void put(Plan plan) {
    plans.put(plan.id(), plan);
  }

  public synchronized Plan get(String planId) {
    Plan plan = plans.get(planId);
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
