package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.imports.Importer;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.Reply;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.mcpiac.mcp.protocol.StandardTool;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code importResources}: the command line's {@code import} as a tool. Adopts what a provider
 * instance already has into a deployment (new, or existing: the objects are added), records the
 * objects in state and answers the whole deployment as YAML, which plans as no changes. Nothing on
 * the real system changes.
 */
public final class ImportResourcesTool extends BaseTool {

  public ImportResourcesTool(ToolContext ctx) {
    super(
        ctx,
        StandardTool.IMPORT_RESOURCES.toolName(),
        "Import existing objects",
        "Adopt objects that already exist on a provider instance into a deployment (new, or"
            + " existing: the objects are added). Records them in state and answers the whole"
            + " deployment as YAML (data.deployment), which planDeployment shows as no changes."
            + " Changes nothing on the real system. Objects another deployment manages are"
            + " skipped with a note unless adopt is true.",
        """
        {
          "type": "object",
          "properties": {
            "deploymentId": {"type": "string", "description": "The deployment to import into."},
            "provider": {"type": "string", "description": "The provider instance to import from, e.g. docker or opnsense/branch."},
            "types": {"type": "array", "items": {"type": "string"}, "description": "Resource types to import; all types of the instance when left out."},
            "id": {"type": "string", "description": "Adopt only the object with this id; needs exactly one type."},
            "adopt": {"type": "boolean", "description": "Also take objects another deployment already manages (default false)."}
          },
          "required": ["deploymentId", "provider"]
        }
        """,
        """
        {
          "type": "object",
          "properties": {
            "deploymentId": {"type": "string"},
            "provider": {"type": "string"},
            "imported": {"type": "integer"},
            "notes": {"type": "array", "items": {"type": "string"}},
            "deployment": {"type": "string"}
          },
          "required": ["deploymentId", "provider", "imported", "notes", "deployment"]
        }
        """,
        Effect.ADDITIVE,
        true);
  }

  @Override
  public Reply call(ToolCall call) {
    String deployment = call.requireString("deploymentId");
    String instance = call.requireString("provider");
    List<String> names = new ArrayList<>();
    JsonNode types = call.get("types");
    if (types != null && types.isArray()) {
      types.forEach(t -> names.add(t.asText()));
    }
    String id = call.string("id");
    if (id != null && names.size() != 1) {
      throw new ToolFailure(ErrorCode.VALIDATION_FAILED, "'id' needs exactly one entry in 'types'");
    }
    List<ResourceType> chosen = Importer.types(ctx.engine().registry(), instance, names);
    Importer.Result result =
        Importer.run(
            ctx.engine(),
            deployment,
            instance,
            chosen,
            new Importer.Options(call.bool("adopt", false), id, "adopt: true"));
    ObjectNode data = Json.object();
    data.put("deploymentId", deployment);
    data.put("provider", instance);
    data.put("imported", result.resources());
    result.notes().forEach(data.withArray("notes")::add);
    data.put("deployment", result.yaml());
    StringBuilder text =
        new StringBuilder(
            "Imported "
                + result.resources()
                + " resources from "
                + instance
                + " into deployment '"
                + deployment
                + "'.");
    result.notes().forEach(n -> text.append("\nnote: ").append(n));
    return new Reply(data, text.toString());
  }
}
