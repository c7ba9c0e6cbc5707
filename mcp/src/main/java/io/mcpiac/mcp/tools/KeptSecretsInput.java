package io.mcpiac.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.References;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;
import io.mcpiac.engine.states.DeploymentState;
import io.mcpiac.engine.states.ResourceRecord;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.ToolFailure;
import io.mcpiac.mcp.protocol.Arguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code keepSecrets} of {@code planDeployment}'s resources: secret properties the caller does
 * not send and the server keeps as it holds them. The orchestrator asks for it when it restates an
 * untouched resource whose secret the server answers masked and its run cannot give (a destroy, a
 * resource of another deployment on the same part). The server's state keeps a digest of the
 * secret; planned with that digest as the desired value, the secret is "as recorded" and nothing
 * changes. A plan that would write such a resource (create, update or replace it: only then is the
 * value needed) is refused, naming the resource and the property. Which properties may be kept is
 * the type's own declaration of its secrets, so this knows no vendor.
 */
final class KeptSecretsInput {
  /**
   * Stands for a kept secret while the arguments are checked (a plain value a schema accepts: the
   * digest that replaces it afterwards may not appear in any input).
   */
  private static final String PLACEHOLDER = "KeptByTheServer0";

  /** Kept properties by resource name. */
  private final Map<String, List<String>> kept;

  private final ToolCall call;

  private KeptSecretsInput(Map<String, List<String>> kept, ToolCall call) {
    this.kept = kept;
    this.call = call;
  }

  /** Reads the kept properties of {@code call}'s resources; the call gives each a placeholder. */
  static KeptSecretsInput of(ToolCall call) {
    JsonNode resources = call.arguments().get(Arguments.RESOURCES);
    Map<String, List<String>> kept = new LinkedHashMap<>();
    if (resources == null || !resources.isArray()) {
      return new KeptSecretsInput(kept, call);
    }
    ObjectNode args = call.arguments().deepCopy();
    for (JsonNode r : args.get(Arguments.RESOURCES)) {
      JsonNode keep = r.get(Arguments.KEEP_SECRETS);
      if (!(r instanceof ObjectNode resource) || keep == null || keep.isEmpty()) {
        continue;
      }
      List<String> paths = new ArrayList<>();
      keep.forEach(p -> paths.add(p.asText()));
      kept.put(resource.path("name").asText(), paths);
      if (!(resource.get("properties") instanceof ObjectNode)) {
        resource.set("properties", Json.object());
      }
      for (String path : paths) {
        References.put(
            (ObjectNode) resource.get("properties"), path, TextNode.valueOf(PLACEHOLDER));
      }
    }
    return new KeptSecretsInput(kept, new ToolCall(call.exchange(), args, call.progressToken()));
  }

  /** The call to check and plan: kept secrets hold a placeholder. */
  ToolCall call() {
    return call;
  }

  boolean any() {
    return !kept.isEmpty();
  }

  /**
   * The deployment with each kept secret set to the digest this server recorded for it, or a
   * refusal naming what cannot be kept (nothing recorded, or not a secret of the type).
   */
  Deployment substitute(Deployment d, DeploymentState state, ProviderRegistry registry) {
    if (kept.isEmpty()) {
      return d;
    }
    List<ResourceConfig> out = new ArrayList<>();
    for (ResourceConfig r : d.resources()) {
      List<String> paths = kept.get(r.name());
      if (paths == null) {
        out.add(r);
        continue;
      }
      ResourceRecord held = state.resources().get(r.name());
      ResourceType type = registry.type(r.type()).orElse(null);
      ObjectNode props = r.properties().deepCopy();
      for (String path : paths) {
        JsonNode digest =
            held == null || !held.type().equals(r.type())
                ? null
                : References.at(held.properties(), path);
        if (type == null || !type.secretProperties().contains(path)) {
          throw refusal(r.name(), path, "is not a secret property of " + r.type());
        }
        if (!Values.isSensitive(digest)) {
          throw refusal(r.name(), path, "holds no secret on this server to keep");
        }
        References.put(props, path, digest);
      }
      out.add(r.withProperties(props));
    }
    return d.withResources(out);
  }

  /** Refuses a plan that would write a resource whose kept secret it does not have. */
  void requireUnwritten(Plan plan) {
    for (Map.Entry<String, List<String>> e : kept.entrySet()) {
      PlannedAction a = plan.action(e.getKey()).orElse(null);
      if (a != null && a.changesSomething() && a.properties() != null) {
        throw refusal(
            e.getKey(),
            String.join(", ", e.getValue()),
            "was not sent (keepSecrets), but the plan would "
                + a.action().name().toLowerCase(java.util.Locale.ROOT)
                + " the resource ("
                + a.reason()
                + "), which needs the value: send it");
      }
    }
  }

  private static ToolFailure refusal(String resource, String path, String why) {
    return new ToolFailure(
        ErrorCode.VALIDATION_FAILED,
        "resource '" + resource + "', property '" + path + "': " + why);
  }
}
