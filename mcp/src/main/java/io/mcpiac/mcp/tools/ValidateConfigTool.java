package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.json.Json;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.protocol.StandardTool;

/** {@code validateConfig}: every problem of a deployment at once, touching nothing. */
public final class ValidateConfigTool extends BaseTool {

  public ValidateConfigTool(ToolContext ctx) {
    super(
        ctx,
        StandardTool.VALIDATE_CONFIG.toolName(),
        "Validate a deployment",
        "Check a deployment without touching anything: document shape, names, types, provider"
            + " instances, dependencies, references, cycles, each type's JSON Schema and the"
            + " providers' own checks. Invalid answers VALIDATION_FAILED with every diagnostic"
            + " (code, resource, property, message) in error.details.diagnostics.",
        """
        {
          "type": "object",
          "properties": {
        """
            + deploymentProperties()
            + """
          }
        }
        """,
        """
        {
          "type": "object",
          "properties": {
            "valid": {"type": "boolean"},
            "deploymentId": {"type": "string"},
            "resources": {"type": "integer"},
            "types": {"type": "array", "items": {"type": "string"}}
          },
          "required": ["valid"]
        }
        """,
        Effect.READ_ONLY,
        true);
  }

  @Override
  public Reply call(ToolCall call) {
    Deployment d = DeploymentInput.validated(call, ctx.engine().registry(), null);
    // the document's policies on the configuration: mandatory violations answer POLICY_VIOLATION
    var policies = ctx.policies();
    var violations =
        policies.onConfiguration(
            policies.forDocument(DeploymentInput.text(call), DeploymentInput.ORIGIN), d);
    if (violations.stream().anyMatch(io.mcpiac.engine.policies.PolicyViolation::mandatory)) {
      throw new io.mcpiac.engine.policies.PolicyViolationException(violations);
    }
    ObjectNode data = Json.object();
    if (!violations.isEmpty()) {
      data.set("policyViolations", Json.MAPPER.valueToTree(violations));
    }
    data.put("valid", true);
    data.put("deploymentId", d.name());
    data.put("resources", d.resources().size());
    d.resources().stream()
        .map(ResourceConfig::type)
        .distinct()
        .forEach(t -> data.withArray("types").add(t));
    return new Reply(
        data,
        DeploymentInput.withWarnings(
            d,
            data,
            "The deployment '"
                + d.name()
                + "' is valid ("
                + d.resources().size()
                + " resources)."));
  }
}
