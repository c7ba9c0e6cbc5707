package io.mcpiac.mcp.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;

/**
 * The JSON Schema (2020-12) of the deployment format for this server's providers: the document, and
 * for each resource type its properties' schema, so an AI client writes valid configurations.
 */
public final class DeploymentSchema {
  private DeploymentSchema() {}

  public static ObjectNode of(ProviderRegistry registry) {
    ObjectNode schema = Json.object();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", "mcp-iac://schema/deployment");
    schema.put("title", "mcp-iac deployment");
    schema.put("type", "object");
    schema.putArray("required").add("apiVersion").add("kind").add("metadata").add("spec");
    schema.put("additionalProperties", false);
    ObjectNode props = schema.putObject("properties");
    props.putObject("apiVersion").put("const", Deployment.API_VERSION);
    props.putObject("kind").put("const", Deployment.KIND);
    ObjectNode metadata = props.putObject("metadata");
    metadata.put("type", "object");
    metadata.putArray("required").add("name");
    ObjectNode metaProps = metadata.putObject("properties");
    metaProps.putObject("name").put("type", "string").put("pattern", "^[a-z0-9][a-z0-9-]*$");
    metaProps.putObject("description").put("type", "string");
    metaProps.putObject("labels").put("type", "object");
    metaProps.putObject("annotations").put("type", "object");
    ObjectNode spec = props.putObject("spec");
    spec.put("type", "object");
    spec.put("additionalProperties", false);
    ObjectNode specProps = spec.putObject("properties");
    specProps
        .putObject("providers")
        .put("type", "object")
        .put(
            "description",
            "Connection settings per provider instance (opnsense, opnsense/branch); credentials"
                + " come from the environment, never from here.");
    specProps
        .putObject("variables")
        .put("type", "object")
        .put(
            "description",
            "name: {type|schema, default, description, sensitive}; used as ${var.name}. Values come"
                + " from the tools' 'variables' argument or MCP_IAC_VAR_name.")
        .putObject("additionalProperties")
        .put("type", "object");
    specProps
        .putObject("outputs")
        .put("type", "object")
        .put(
            "description",
            "name: {value: \"${resource.attr}\", description, sensitive}; shown by"
                + " getDeploymentState, readable elsewhere as ${deployment:NAME.outputs.name}.")
        .putObject("additionalProperties")
        .put("type", "object");
    specProps
        .putObject("templates")
        .put("type", "object")
        .put(
            "description",
            "NAME: {parameters, resources, outputs}: templates of this deployment, used as"
                + " 'type: template:NAME' (built-in ones: resource mcp-iac://templates).");
    ObjectNode resources = specProps.putObject("resources");
    resources.put("type", "array");
    resources.putObject("items").put("$ref", "#/$defs/resource");

    ObjectNode defs = schema.putObject("$defs");
    ObjectNode resource = defs.putObject("resource");
    resource.put("type", "object");
    resource.putArray("required").add("type").add("name");
    resource.put("additionalProperties", false);
    ObjectNode rProps = resource.putObject("properties");
    ObjectNode type = rProps.putObject("type");
    type.put("type", "string");
    ArrayNode types = type.putArray("enum");
    rProps.putObject("name").put("type", "string");
    rProps
        .putObject("provider")
        .put("type", "string")
        .put("description", "Provider instance, e.g. opnsense/branch (default: the type's prefix)");
    rProps
        .putObject("properties")
        .put("type", "object")
        .put(
            "description",
            "Per type; values may use ${name.attr}, ${type:name.attr}, ${var.x}, ${each.key},"
                + " ${each.value.field}, ${secret.env:NAME}, ${deployment:NAME.outputs.x}; for"
                + " template:NAME, the template's parameters");
    rProps
        .putObject("forEach")
        .put(
            "description",
            "A list or map (or ${var.x}): one resource per element, named NAME[key], keyed by"
                + " value");
    rProps
        .putObject("forEachKey")
        .put("type", "string")
        .put("description", "For a list of mappings: the field that names each instance");
    rProps
        .putObject("dependsOn")
        .put("type", "array")
        .set("items", Json.object().put("type", "string"));
    io.mcpiac.engine.config.TemplateLibrary.builtIn()
        .forEach(t -> types.add(io.mcpiac.engine.config.Template.TYPE_PREFIX + t.name()));
    type.put("description", "A resource type, or template:NAME");
    ArrayNode perType = resource.putArray("allOf");
    for (ResourceType t : registry.types()) {
      types.add(t.name());
      String def = "type:" + t.name();
      defs.set(def, t.schema());
      ObjectNode rule = perType.addObject();
      rule.putObject("if").putObject("properties").putObject("type").put("const", t.name());
      rule.putObject("then")
          .putObject("properties")
          .putObject("properties")
          .put("$ref", "#/$defs/" + def.replace("~", "~0").replace("/", "~1"));
    }
    return schema;
  }
}
