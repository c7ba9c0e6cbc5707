package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.TypeDocument;
import io.mcpiac.mcp.envelope.Response;
import io.mcpiac.mcp.protocol.ToolArguments;
import io.mcpiac.mcp.resources.IacResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The standard tools of one remote IaC server, typed: arguments go out as {@link ToolArguments},
 * answers come back as {@link Response} with their data decoded. Transport failures are a {@code
 * ProviderException} (from {@link RemoteServer}); a refusal is an unsuccessful {@link Answered}.
 */
final class StandardToolsClient {
  private final RemoteServer server;

  StandardToolsClient(RemoteServer server) {
    this.server = server;
  }

  /** What planDeployment answered: the plan to apply, if it changes anything. */
  record Planned(String planId, boolean hasChanges) {}

  /** One change's outcome in an apply's {@code results}. */
  record Outcome(String resource, String status, String error) {
    boolean complete() {
      return "complete".equals(status);
    }
  }

  Answered<Map<String, Recorded>> state(String deploymentId) {
    return call(new ToolArguments.GetState(deploymentId), StandardToolsClient::recorded);
  }

  Answered<Planned> plan(ToolArguments.Plan args) {
    return call(
        args,
        d ->
            new Planned(
                d.hasNonNull("planId") ? d.get("planId").asText() : null,
                d.path("hasChanges").asBoolean(true)));
  }

  /**
   * The per-change outcomes by resource: from the data, or from the error's details when the apply
   * failed part-way (an empty map when it failed as a whole).
   */
  Answered<Map<String, Outcome>> apply(ToolArguments.Apply args) {
    Response r = server.call(args);
    JsonNode results = (r.success() ? r.data() : r.errorDetails()).path("results");
    Map<String, Outcome> out = new LinkedHashMap<>();
    results.forEach(
        x ->
            out.put(
                x.path("resource").asText(),
                new Outcome(
                    x.path("resource").asText(),
                    x.path("status").asText(),
                    x.path("error").asText(""))));
    return new Answered<>(args.tool(), r, r.success() || results.isArray() ? out : null);
  }

  /** The snapshot's id. */
  Answered<String> snapshot(ToolArguments.CreateSnapshot args) {
    return call(args, d -> d.path("snapshotId").asText(d.path("id").asText()));
  }

  /** What rolling back undid, as the server tells it. */
  Answered<JsonNode> rollback(ToolArguments.RollbackToSnapshot args) {
    return call(args, d -> d);
  }

  Answered<JsonNode> destroy(ToolArguments.Destroy args) {
    return call(args, d -> d);
  }

  /** The server's resource types, read from its type documents. */
  List<ResourceType> types() {
    List<ResourceType> out = new ArrayList<>();
    for (String uri : server.typeSchemaUris()) {
      String type = uri.substring(IacResources.TYPE_SCHEMA_PREFIX.length());
      out.add(TypeDocument.decode(type, Json.parse(server.readResource(uri))));
    }
    return List.copyOf(out);
  }

  private <T> Answered<T> call(ToolArguments args, Function<JsonNode, T> decode) {
    Response r = server.call(args);
    return new Answered<>(args.tool(), r, r.success() ? decode.apply(r.data()) : null);
  }

  private static Map<String, Recorded> recorded(JsonNode data) {
    Map<String, Recorded> out = new LinkedHashMap<>();
    for (JsonNode r : data.path("resources")) {
      List<String> deps = new ArrayList<>();
      r.path("dependencies").forEach(d -> deps.add(d.asText()));
      out.put(
          r.path("name").asText(),
          new Recorded(
              r.path("name").asText(),
              r.path("type").asText(),
              r.path("id").asText(null),
              object(r.get("properties")),
              object(r.get("outputs")),
              deps));
    }
    return out;
  }

  private static ObjectNode object(JsonNode node) {
    return node instanceof ObjectNode o ? o.deepCopy() : Json.object();
  }
}
