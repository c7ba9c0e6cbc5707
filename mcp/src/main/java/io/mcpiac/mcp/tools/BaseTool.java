package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;

/** A tool's fixed description; subclasses add {@link #call}. */
abstract class BaseTool implements IacTool {
  protected final ToolContext ctx;
  private final String name;
  private final String title;
  private final String description;
  private final ObjectNode inputSchema;
  private final JsonNode dataSchema;
  private final Effect effect;
  private final boolean idempotent;

  BaseTool(
      ToolContext ctx,
      String name,
      String title,
      String description,
      String inputSchema,
      String dataSchema,
      Effect effect,
      boolean idempotent) {
    this.ctx = ctx;
    this.name = name;
    this.title = title;
    this.description = description;
    this.inputSchema = Json.parseObject(inputSchema);
    this.inputSchema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    this.dataSchema = Json.parse(dataSchema);
    this.effect = effect;
    this.idempotent = idempotent;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public ObjectNode inputSchema() {
    return inputSchema.deepCopy();
  }

  @Override
  public JsonNode dataSchema() {
    return dataSchema.deepCopy();
  }

  @Override
  public Effect effect() {
    return effect;
  }

  @Override
  public boolean idempotent() {
    return idempotent;
  }

  /** The input schema's text for a deployment given as resources or as a whole. */
  static String deploymentProperties() {
    return """
        "resources": {
          "type": "array",
          "description": "The seed's Resource objects. dependencies name other resources (become dependsOn).",
          "items": {
            "type": "object",
            "properties": {
              "type": {"type": "string", "description": "e.g. opnsense:firewall:rule, core:data"},
              "name": {"type": "string"},
              "properties": {"type": "object"},
              "dependencies": {"type": "array", "items": {"type": "string"}},
              "keepSecrets": {"type": "array", "items": {"type": "string"}, "description": "secret properties not sent, to keep as the server holds them (the orchestrator's restatement of an untouched resource); the plan is refused if the resource would be written"},
              "provider": {"type": "string", "description": "provider instance, e.g. opnsense/branch"}
            },
            "required": ["type", "name"]
          }
        },
        "deploymentId": {"type": "string", "description": "The deployment's name (with resources; default 'default')."},
        "name": {"type": "string", "description": "Same as deploymentId."},
        "deployment": {
          "description": "A whole deployment: an object in the YAML structure (apiVersion iac.mcp/v1, kind Deployment, metadata.name, spec.resources) or YAML text. Resource mcp-iac://schema/deployment has its JSON Schema.",
          "type": ["object", "string"]
        },
        "variables": {
          "type": "object",
          "description": "Values of the deployment's spec.variables, by name; they win over the server's MCP_IAC_VAR_* environment. A sensitive variable's value is never stored or answered."
        }
        """;
  }
}
