package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.config.MovedList;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanJson;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.plans.PlanRequest;
import io.mcpiac.engine.policies.PolicyHook;
import io.mcpiac.engine.providers.ScopedEntryPoints;
import io.mcpiac.mcp.envelope.Reply;
import java.util.Set;

/**
 * {@code planDeployment} (and the plan entry points providers declare for their own types, such as
 * OPNsense's {@code planNetworkDeployment}): validates, plans, keeps the plan by id for {@code
 * applyDeployment} and shows the diff.
 */
public final class PlanDeploymentTool extends BaseTool {
  private final String typePrefix;

  /** {@code planDeployment}: every type. */
  public PlanDeploymentTool(ToolContext ctx) {
    this(
        ctx,
        "planDeployment",
        "Plan a deployment",
        "Validate a deployment and plan it: what would be created, updated, replaced and deleted,"
            + " in stages. ",
        null);
  }

  /** A provider's own plan entry point: its types alone (see {@link ScopedEntryPoints}). */
  public static PlanDeploymentTool scoped(ToolContext ctx, String provider, ScopedEntryPoints e) {
    return new PlanDeploymentTool(
        ctx,
        e.planName(),
        e.planTitle(),
        "Plan " + provider + ": resources (" + e.subject() + "). ",
        provider);
  }

  /**
   * @param typePrefix null for every type, or the only prefix allowed (a provider's name)
   */
  private PlanDeploymentTool(
      ToolContext ctx, String name, String title, String what, String typePrefix) {
    super(
        ctx,
        name,
        title,
        what
            + "Give 'resources' (the seed's Resource objects) with 'deploymentId', or a whole"
            + " 'deployment'. Returns a planId for applyDeployment and the rendered diff; nothing"
            + " changes. Invalid input answers VALIDATION_FAILED with every diagnostic.",
        """
        {
          "type": "object",
          "properties": {
        """
            + deploymentProperties()
            + """
            ,
            "options": {
              "type": "object",
              "properties": {
                "dryRun": {"type": "boolean", "default": false,
                           "description": "Show the plan without keeping it for apply."},
                "validateOnly": {"type": "boolean", "default": false,
                                 "description": "Only validate; do not read live systems or plan."}
              },
              "additionalProperties": false
            }
          }
        }
        """,
        """
        {
          "type": "object",
          "properties": {
            "planId": {"type": "string"},
            "deploymentId": {"type": "string"},
            "valid": {"type": "boolean"},
            "hasChanges": {"type": "boolean"},
            "summary": {"type": "string"},
            "plan": {"type": "object", "description": "actions, stages and per-property changes"}
          },
          "required": ["deploymentId"]
        }
        """,
        Effect.READ_ONLY,
        true);
    this.typePrefix = typePrefix;
  }

  @Override
  public Reply call(ToolCall call) {
    // secrets the caller asks the server to keep are checked as placeholders, then planned as the
    // digests this server recorded
    KeptSecretsInput kept = KeptSecretsInput.of(call);
    LoadedDeployment loaded =
        DeploymentInput.checked(kept.call(), ctx.engine().registry(), typePrefix);
    Deployment deployment = loaded.deployment();
    ObjectNode data = Json.object();
    data.put("deploymentId", deployment.name());
    data.put("valid", true);
    if (call.options().path("validateOnly").asBoolean(false)) {
      data.put("resources", deployment.resources().size());
      return new Reply(
          data,
          DeploymentInput.withWarnings(
              deployment,
              data,
              "The deployment '"
                  + deployment.name()
                  + "' is valid ("
                  + deployment.resources().size()
                  + " resources)."));
    }
    // spec.moved: renames are planned as renames (not a destroy and a create), as the CLI does
    MovedList moved = loaded.declarations().moved();
    // the document's policies review the plan: mandatory violations answer POLICY_VIOLATION
    PolicyHook policies =
        ctx.policies().forDocument(DeploymentInput.text(call), DeploymentInput.ORIGIN);
    var engine = policies == PolicyHook.NONE ? ctx.engine() : ctx.engine().reviewedBy(policies);
    deployment =
        ctx.policies().withExceptions(policies, deployment, ctx.engine().state(deployment.name()));
    deployment =
        kept.substitute(deployment, ctx.engine().state(deployment.name()), ctx.engine().registry());
    Plan plan =
        moved.moves().isEmpty()
            ? engine.plan(deployment)
            : engine.plan(deployment, new PlanRequest(Set.of(), Set.of(), moved.moves(), false));
    kept.requireUnwritten(plan);
    boolean dryRun = call.options().path("dryRun").asBoolean(false);
    if (!dryRun) {
      ctx.plans().put(plan, moved.moves());
      if (policies != PolicyHook.NONE) {
        ctx.planPolicies().put(plan.id(), policies);
      }
      data.put("planId", plan.id());
    }
    var review = ctx.policies().lastReview(policies);
    if (review != null) {
      data.set("policy", review);
    }
    data.put("hasChanges", plan.hasChanges());
    data.put("summary", plan.summary());
    data.set("plan", PlanJson.of(plan));
    String text = new PlanRenderer(false).render(plan);
    if (!dryRun && plan.hasChanges()) {
      text += "\nApply with applyDeployment {\"planId\": \"" + plan.id() + "\"}.";
    }
    return new Reply(data, DeploymentInput.withWarnings(deployment, data, text));
  }
}
