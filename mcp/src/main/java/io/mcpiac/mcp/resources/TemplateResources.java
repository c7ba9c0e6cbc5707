package io.mcpiac.mcp.resources;

import io.mcpiac.engine.config.Template;
import io.mcpiac.engine.config.TemplateLibrary;
import io.mcpiac.engine.config.Templates;
import io.mcpiac.engine.json.Json;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in templates as MCP resources: {@code mcp-iac://templates} (each template's parameters,
 * outputs and resources) and {@code mcp-iac://templates/NAME} (its YAML), so an AI client can write
 * {@code type: template:NAME} with valid parameters.
 */
public final class TemplateResources {
  public static final String ALL = "mcp-iac://templates";
  public static final String PREFIX = "mcp-iac://templates/";

  private TemplateResources() {}

  public static List<SyncResourceSpecification> resources() {
    List<SyncResourceSpecification> out = new ArrayList<>();
    out.add(
        resource(
            ALL,
            "templates",
            "The built-in templates (use as 'type: template:NAME'): parameters as JSON Schemas,"
                + " outputs, resources",
            "application/json",
            () -> {
              var list = Json.MAPPER.createArrayNode();
              TemplateLibrary.builtIn().forEach(t -> list.add(Templates.describe(t)));
              return Json.pretty(list);
            }));
    for (Template t : TemplateLibrary.builtIn()) {
      out.add(
          resource(
              PREFIX + t.name(),
              "template-" + t.name(),
              t.description(),
              "application/yaml",
              () -> TemplateLibrary.source(t.name())));
    }
    return out;
  }

  /** A resource's text, made when it is read. */
  interface Text {
    String get();
  }

  /** A read-only text resource (also the policy packs', see {@link PolicyPackResources}). */
  static SyncResourceSpecification resource(
      String uri, String name, String description, String mime, Text content) {
    return new SyncResourceSpecification(
        McpSchema.Resource.builder()
            .uri(uri)
            .name(name)
            .description(description)
            .mimeType(mime)
            .build(),
        (exchange, request) ->
            new ReadResourceResult(List.of(new TextResourceContents(uri, mime, content.get()))));
  }
}
