package io.mcpiac.mcp.prompts;

import io.mcpiac.engine.config.Template;
import io.mcpiac.engine.config.TemplateLibrary;
import io.mcpiac.engine.config.VariableDeclaration;
import io.mcpiac.engine.json.Json;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One prompt per built-in template ({@code template-web-service}, …): its parameters are the
 * prompt's arguments, and the prompt walks the assistant through a deployment that uses it.
 */
public final class TemplatePrompts {
  private TemplatePrompts() {}

  public static List<SyncPromptSpecification> all() {
    return TemplateLibrary.builtIn().stream().map(TemplatePrompts::of).toList();
  }

  static SyncPromptSpecification of(Template t) {
    List<PromptArgument> args = new ArrayList<>();
    args.add(
        new PromptArgument("instance", "Name of the instance, e.g. web (default main)", false));
    for (VariableDeclaration p : t.parameters().values()) {
      args.add(
          new PromptArgument(
              p.name(),
              (p.description() == null ? p.name() : p.description())
                  + " ("
                  + p.typeName()
                  + (p.required() ? ")" : ", default " + Json.write(p.defaultValue()) + ")"),
              p.required()));
    }
    Prompt prompt =
        new Prompt("template-" + t.name(), "Use the template " + t.name(), t.description(), args);
    return new SyncPromptSpecification(
        prompt,
        (exchange, request) -> {
          Map<String, Object> a = request.arguments() == null ? Map.of() : request.arguments();
          StringBuilder props = new StringBuilder();
          for (VariableDeclaration p : t.parameters().values()) {
            Object v = a.get(p.name());
            if (v != null && !v.toString().isBlank()) {
              props.append("        ").append(p.name()).append(": ").append(v).append('\n');
            }
          }
          String instance =
              a.get("instance") == null || a.get("instance").toString().isBlank()
                  ? "main"
                  : a.get("instance").toString();
          String text =
              """
              Use the built-in template '%s' (%s).

              1. Read mcp-iac://templates for its parameters (JSON Schemas) and outputs, and
                 mcp-iac://templates/%s for its resources.
              2. Write a deployment with this resource, filling in every required parameter that
                 is still missing (ask me if you do not know a value):

                   - type: template:%s
                     name: %s
                     properties:
              %s
                 Its resources are named %s.RESOURCE; other resources can use its outputs as
                 ${%s.OUTPUT}.
              3. Call validateConfig and fix every diagnostic, then planDeployment and show me
                 the plan, grouped by the instance.
              4. Only after I agree, call applyDeployment with the planId and report the outputs
                 (getDeploymentState).
              """
                  .formatted(
                      t.name(),
                      t.description(),
                      t.name(),
                      t.name(),
                      instance,
                      props.toString().replaceAll("(?m)^", "     "),
                      instance,
                      instance);
          return new GetPromptResult(
              "Use " + t.name(), List.of(new PromptMessage(Role.USER, new TextContent(text))));
        });
  }
}
