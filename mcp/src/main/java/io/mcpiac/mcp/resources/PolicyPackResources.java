package io.mcpiac.mcp.resources;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.policies.PolicyService;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in policy packs as MCP resources, so an assistant reads the rules before it writes a
 * configuration: {@code mcp-iac://policy-packs} (names and descriptions) and {@code
 * mcp-iac://policy-packs/NAME} (the pack's policies as YAML: conditions, messages, fixes).
 */
public final class PolicyPackResources {
  public static final String ALL = "mcp-iac://policy-packs";
  public static final String PREFIX = "mcp-iac://policy-packs/";

  private PolicyPackResources() {}

  public static List<SyncResourceSpecification> resources(PolicyService policies) {
    List<PolicyService.Pack> packs = policies.packs();
    List<SyncResourceSpecification> out = new ArrayList<>();
    if (packs.isEmpty()) {
      return out;
    }
    var list = Json.MAPPER.createArrayNode();
    for (PolicyService.Pack p : packs) {
      var n = list.addObject();
      n.put("name", p.name());
      n.put("description", p.description());
      n.put("uri", PREFIX + p.name());
    }
    String index = Json.pretty(list);
    out.add(
        resource(
            ALL,
            "policy-packs",
            "The built-in policy packs: enable one with spec.policyPacks: [NAME]",
            "application/json",
            index));
    for (PolicyService.Pack p : packs) {
      out.add(
          resource(
              PREFIX + p.name(),
              "policy-pack-" + p.name(),
              p.description(),
              "application/yaml",
              p.yaml()));
    }
    return out;
  }

  private static SyncResourceSpecification resource(
      String uri, String name, String description, String mime, String content) {
    return new SyncResourceSpecification(
        McpSchema.Resource.builder()
            .uri(uri)
            .name(name)
            .description(description)
            .mimeType(mime)
            .build(),
        (exchange, request) ->
            new ReadResourceResult(List.of(new TextResourceContents(uri, mime, content))));
  }
}
