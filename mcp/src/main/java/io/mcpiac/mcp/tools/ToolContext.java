package io.mcpiac.mcp.tools;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.policies.PolicyHook;
import io.mcpiac.engine.policies.PolicyService;
import io.mcpiac.mcp.jobs.Jobs;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every tool works with: the engine (its providers and state), kept plans, running jobs, and
 * the policy engine the server was started with.
 *
 * @param planPolicies the policies each kept plan was reviewed with, by plan id: apply checks a
 *     value unknown at plan time against them before its action
 */
public record ToolContext(
    Engine engine,
    PlanCache plans,
    Jobs jobs,
    PolicyService policies,
    Map<String, PolicyHook> planPolicies) {

  public ToolContext(Engine engine, PlanCache plans, Jobs jobs) {
    this(engine, plans, jobs, PolicyService.NONE);
  }

  public ToolContext(Engine engine, PlanCache plans, Jobs jobs, PolicyService policies) {
    this(engine, plans, jobs, policies, new ConcurrentHashMap<>());
  }

  /** The engine with the policies {@code planId} was planned under (the plain one otherwise). */
  public Engine engineFor(String planId) {
    PolicyHook hook = planId == null ? null : planPolicies.get(planId);
    return hook == null ? engine : engine.reviewedBy(hook);
  }
}
