package io.mcpiac.mcp.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.TypeDocument;
import io.mcpiac.engine.states.DeploymentSummary;
import io.mcpiac.engine.states.StateJson;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * MCP resources: the deployment format's JSON Schema, each resource type's schema, the list of
 * deployments and each deployment's state.
 */
public final class IacResources {
  public static final String DEPLOYMENT_SCHEMA = "mcp-iac://schema/deployment";
  public static final String TYPE_SCHEMA_PREFIX = "mcp-iac://schema/types/";
  public static final String DEPLOYMENTS = "mcp-iac://deployments";
  public static final String STATE_TEMPLATE = "mcp-iac://deployments/{deploymentId}/state";
  private static final String JSON = "application/json";

  private IacResources() {}

  public static List<SyncResourceSpecification> resources(Engine engine) {
    List<SyncResourceSpecification> out = new ArrayList<>();
    out.add(
        fixed(
            DEPLOYMENT_SCHEMA,
            "deployment-schema",
            "JSON Schema of the deployment format (iac.mcp/v1), with every resource type's"
                + " properties",
            () -> Json.pretty(DeploymentSchema.of(engine.registry()))));
    for (ResourceType t : engine.registry().types()) {
      out.add(
          fixed(
              TYPE_SCHEMA_PREFIX + t.name(),
              t.name(),
              t.description(),
              () -> Json.pretty(typeDocument(t))));
    }
    out.add(
        fixed(
            DEPLOYMENTS,
            "deployments",
            "The deployments in state: name, version, resource count",
            () -> {
              var list = Json.MAPPER.createArrayNode();
              for (DeploymentSummary d : engine.store().deployments()) {
                ObjectNode node = list.addObject();
                node.put("deployment", d.name());
                node.put("version", d.version());
                node.put("resources", d.resources());
                node.put("uri", "mcp-iac://deployments/" + d.name() + "/state");
              }
              return Json.pretty(list);
            }));
    return out;
  }

  public static List<SyncResourceTemplateSpecification> templates(Engine engine) {
    return List.of(
        new SyncResourceTemplateSpecification(
            McpSchema.ResourceTemplate.builder()
                .uriTemplate(STATE_TEMPLATE)
                .name("deployment-state")
                .description("A deployment's recorded state (secrets masked)")
                .mimeType(JSON)
                .build(),
            (exchange, request) -> {
              String name = deploymentOf(request.uri());
              if (engine.store().version(name) == 0) {
                throw new NoSuchElementException("no deployment '" + name + "' in state");
              }
              return text(request.uri(), Json.pretty(StateJson.of(engine.state(name))));
            }));
  }

  /**
   * A type's schema with what else a client needs to write it: outputs, replacements, secrets, and
   * the same explanation {@code mcp-iac schema TYPE} prints ({@code x-documentation}).
   */
  static ObjectNode typeDocument(ResourceType t) {
    return TypeDocument.encode(t, TYPE_SCHEMA_PREFIX + t.name());
  }

  static String deploymentOf(String uri) {
    String rest = uri.substring("mcp-iac://deployments/".length());
    int slash = rest.indexOf('/');
    return URLDecoder.decode(slash < 0 ? rest : rest.substring(0, slash), StandardCharsets.UTF_8);
  }

  private interface Text {
    String get();
  }

  private static SyncResourceSpecification fixed(
      String uri, String name, String description, Text content) {
    return new SyncResourceSpecification(
        McpSchema.Resource.builder()
            .uri(uri)
            .name(name)
            .description(description)
            .mimeType(JSON)
            .build(),
        (exchange, request) -> text(uri, content.get()));
  }

  private static ReadResourceResult text(String uri, String text) {
    return new ReadResourceResult(List.of(new TextResourceContents(uri, JSON, text)));
  }
}
