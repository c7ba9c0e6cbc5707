package io.mcpiac.mcp.tools;

import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.errors.NotFoundException;
import io.mcpiac.engine.policies.PolicyService;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.envelope.ToolFailure;

/**
 * {@code checkCompliance}: every control of a built-in policy pack against a deployment (the one
 * given, with its applied state; or a deployment in state by name), as {@code mcp-iac compliance
 * report} does. Read-only.
 */
public final class CheckComplianceTool extends BaseTool {
  public CheckComplianceTool(ToolContext ctx) {
    super(
        ctx,
        "checkCompliance",
        "Check compliance with a policy pack",
        "Every control of a built-in policy pack (resources mcp-iac://policy-packs list them)"
            + " against a deployment: pass, fail (resource, property, message, fix), exempt (with"
            + " the reason), not evaluated, not applicable; and a score. Give 'deployment' (the"
            + " document; its applied state fills in values known only after apply) or"
            + " 'deploymentId' alone (the applied state). Changes nothing.",
        """
        {
          "type": "object",
          "properties": {
            "pack": {"type": "string", "description": "The pack, e.g. opnsense-baseline, docker-cis."},
        """
            + deploymentProperties()
            + """
          },
          "required": ["pack"]
        }
        """,
        """
        {
          "type": "object",
          "properties": {
            "pack": {"type": "string"},
            "deployment": {"type": ["string", "null"]},
            "score": {"type": "integer"},
            "summary": {"type": "object"},
            "controls": {"type": "array"}
          },
          "required": ["pack", "score", "controls"]
        }
        """,
        Effect.READ_ONLY,
        true);
  }

  @Override
  public Reply call(ToolCall call) {
    String pack = call.arguments().path("pack").asText("");
    Deployment configuration = null;
    String name =
        call.arguments().path("deploymentId").asText(call.arguments().path("name").asText(null));
    boolean given = call.get("deployment") != null || call.get("resources") != null;
    if (given) {
      configuration = DeploymentInput.validated(call, ctx.engine().registry(), null);
      name = configuration.name();
    }
    if (name == null) {
      throw new ToolFailure(
          ErrorCode.VALIDATION_FAILED, "give 'deployment' (the document) or 'deploymentId'");
    }
    DeploymentState recorded = ctx.engine().store().load(name).orElse(null);
    if (configuration == null && recorded == null) {
      throw new NotFoundException("no deployment named '" + name + "' in state");
    }
    PolicyService.Report report =
        ctx.policies().compliance(pack, configuration, DeploymentInput.text(call), recorded);
    return new Reply(report.json(), report.text());
  }
}
