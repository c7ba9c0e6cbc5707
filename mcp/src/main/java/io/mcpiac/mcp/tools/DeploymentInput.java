package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.DeploymentLoader;
import io.mcpiac.engine.config.DeploymentValidator;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.LoadedDeployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.config.VariableInputs;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.mcpiac.mcp.protocol.Arguments;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a tool's arguments into a checked deployment: {@code resources} (the seed's Resource
 * objects; {@code dependencies} become {@code dependsOn}) with {@code deploymentId} or {@code
 * name}, or {@code deployment} (the YAML structure as an object, or YAML text). Every problem ends
 * in one VALIDATION_FAILED with all diagnostics.
 */
public final class DeploymentInput {
  /** Diagnostics name this as the file. */
  static final String ORIGIN = "<mcp>";

  static final String DEFAULT_NAME = "default";

  private DeploymentInput() {}

  /**
   * @param typePrefix when not null, only types with this prefix are allowed ({@code opnsense})
   */
  public static Deployment validated(ToolCall call, ProviderRegistry registry, String typePrefix) {
    return checked(call, registry, typePrefix).deployment();
  }

  /**
   * As {@link #validated}, keeping what was read with the deployment: its {@code spec.moved}
   * renames (checked against its resources, as the CLI checks them) among the declarations.
   */
  static LoadedDeployment checked(ToolCall call, ProviderRegistry registry, String typePrefix) {
    LoadedDeployment loaded = read(call);
    List<Diagnostic> problems = new ArrayList<>(DeploymentValidator.validate(loaded, registry));
    problems.addAll(loaded.declarations().moved().check(loaded.deployment()));
    if (typePrefix != null) {
      for (ResourceConfig r : loaded.deployment().resources()) {
        // the outputs (spec.outputs) are the engine's own, on every server
        if (r.type() != null
            && !r.type().startsWith(typePrefix + ":")
            && !r.type().equals(io.mcpiac.engine.config.Outputs.TYPE)) {
          problems.add(
              new Diagnostic(
                  "wrong-server",
                  r.location(),
                  r.name(),
                  "type",
                  "this tool plans only "
                      + typePrefix
                      + ": resources; use planDeployment for '"
                      + r.type()
                      + "'"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return loaded;
  }

  /**
   * What the caller must know about the deployment as this server takes it: connection settings in
   * {@code spec.providers} are ignored (the server talks only to the systems it was started for; a
   * tool argument must not redirect its credentials), and the answer says so rather than silently
   * using the server's own systems.
   */
  static List<String> warnings(Deployment d) {
    List<String> out = new ArrayList<>();
    for (String instance : new java.util.TreeSet<>(d.providers().keySet())) {
      out.add(
          "spec.providers['"
              + instance
              + "'] is ignored: this MCP server uses only the connections it was started with"
              + " (its own environment), never settings from a tool's arguments");
    }
    return out;
  }

  /** Adds {@link #warnings} to an answer's data and text. */
  static String withWarnings(Deployment d, ObjectNode data, String text) {
    List<String> warnings = warnings(d);
    if (warnings.isEmpty()) {
      return text;
    }
    warnings.forEach(w -> data.withArray("warnings").add(w));
    return "Warning: " + String.join("\nWarning: ", warnings) + "\n" + text;
  }

  /**
   * The deployment argument as text (YAML as sent, or the object as JSON, which is YAML too), for
   * the policy engine; null when the call gives {@code resources} instead.
   */
  static String text(ToolCall call) {
    JsonNode deployment = call.get("deployment");
    if (deployment == null || deployment.isNull()) {
      return null;
    }
    return deployment.isTextual() ? deployment.asText() : Json.pretty(deployment);
  }

  static LoadedDeployment read(ToolCall call) {
    JsonNode vars = call.get("variables");
    if (vars != null && !vars.isNull() && !vars.isObject()) {
      throw new ToolFailure(ErrorCode.VALIDATION_FAILED, "'variables' is an object of name: value");
    }
    VariableInputs inputs =
        VariableInputs.fromEnvironment()
            .withArguments(vars != null && vars.isObject() ? (ObjectNode) vars : null);
    JsonNode deployment = call.get("deployment");
    JsonNode resources = call.get(Arguments.RESOURCES);
    if (deployment != null && !deployment.isNull()) {
      if (resources != null && !resources.isNull()) {
        throw new ToolFailure(
            ErrorCode.VALIDATION_FAILED, "give either 'resources' or 'deployment', not both");
      }
      if (deployment.isTextual()) {
        return DeploymentLoader.read(deployment.asText(), ORIGIN, inputs);
      }
      return DeploymentLoader.read(normalised(deployment, call), ORIGIN, inputs);
    }
    if (resources == null || !resources.isArray()) {
      throw new ToolFailure(
          ErrorCode.VALIDATION_FAILED,
          "give 'resources' (an array of {type, name, properties, dependencies}) or 'deployment'"
              + " (an object in the YAML structure, or YAML text)");
    }
    return DeploymentLoader.read(document(name(call), resources), ORIGIN, inputs);
  }

  /** The seed's shorthand {@code {name, resources}} becomes the YAML structure. */
  private static JsonNode normalised(JsonNode deployment, ToolCall call) {
    if (deployment.isObject() && !deployment.has("spec") && deployment.has("resources")) {
      String name = deployment.path("name").asText(name(call));
      return document(name, deployment.get("resources"));
    }
    return deployment;
  }

  private static String name(ToolCall call) {
    String name = call.string(Arguments.DEPLOYMENT_ID);
    if (name == null) {
      name = call.string("name");
    }
    return name == null || name.isBlank() ? DEFAULT_NAME : name;
  }

  private static ObjectNode document(String name, JsonNode resources) {
    ObjectNode doc = Json.object();
    doc.put("apiVersion", Deployment.API_VERSION);
    doc.put("kind", Deployment.KIND);
    doc.putObject("metadata").put("name", name);
    ArrayNode out = doc.putObject("spec").putArray("resources");
    for (JsonNode r : resources) {
      if (!r.isObject()) {
        out.add(r);
        continue;
      }
      ObjectNode copy = ((ObjectNode) r).deepCopy();
      // the seed's Resource also carries what only state knows; a configuration does not
      copy.remove(List.of("id", "outputs", "state", Arguments.KEEP_SECRETS));
      JsonNode deps = copy.remove("dependencies");
      if (deps != null && !copy.has("dependsOn")) {
        copy.set("dependsOn", deps);
      }
      out.add(copy);
    }
    return doc;
  }

  public static ToolFailure invalid(List<Diagnostic> problems) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (Diagnostic d : problems) {
      ObjectNode node = list.addObject();
      node.put("code", d.code());
      if (d.resource() != null) {
        node.put("resource", d.resource());
      }
      if (d.property() != null) {
        node.put("property", d.property());
      }
      if (d.location() != null && d.location().line() > 0) {
        node.put("line", d.location().line());
      }
      node.put("message", d.message());
    }
    ObjectNode details = Json.object();
    details.set("diagnostics", list);
    return new ToolFailure(
        ErrorCode.VALIDATION_FAILED,
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in the deployment: "
            + String.join("; ", problems.stream().map(Diagnostic::format).toList()),
        details);
  }
}
