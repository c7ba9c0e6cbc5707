package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.mcp.resources.IacResources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A remote IaC MCP server's types, seen as a local provider: the orchestrator's engine plans and
 * walks one graph over every server, and this hands each batch of one prefix to its server (see
 * {@link SubDeployment}). Named after the prefix ({@code docker}), as the registry requires.
 */
public final class RemoteProvider implements Provider {
  private final String prefix;
  private final SubDeployment part;
  private List<ResourceType> types;

  public RemoteProvider(String prefix, SubDeployment part) {
    this.prefix = prefix;
    this.part = part;
  }

  @Override
  public String name() {
    return prefix;
  }

  public SubDeployment part() {
    return part;
  }

  @Override
  public synchronized List<ResourceType> resourceTypes() {
    if (types == null) {
      List<ResourceType> out = new ArrayList<>();
      for (String uri : part.server().typeSchemaUris()) {
        String type = uri.substring(IacResources.TYPE_SCHEMA_PREFIX.length());
        if (ResourceType.prefixOf(type).equals(prefix)) {
          out.add(typeOf(type, Json.parse(part.server().readResource(uri))));
        }
      }
      types = List.copyOf(out);
    }
    return types;
  }

  /** The type document of {@code mcp-iac://schema/types/…} back as a type. */
  static ResourceType typeOf(String name, JsonNode doc) {
    ObjectNode schema = doc.isObject() ? ((ObjectNode) doc).deepCopy() : Json.object();
    String description = schema.path("description").asText(null);
    Map<String, String> outputs =
        Json.MAPPER.convertValue(
            schema.path("x-outputs"),
            Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    Set<String> replace = strings(schema.path("x-replaceOnChange"));
    Set<String> secrets = strings(schema.path("x-secretProperties"));
    schema.remove(
        List.of(
            "$id",
            "title",
            "x-outputs",
            "x-replaceOnChange",
            "x-secretProperties",
            "x-documentation"));
    return new ResourceType(
        name, description, schema, replace, secrets, outputs == null ? Map.of() : outputs, false);
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  /**
   * The server's own provider knows which outputs an update changes; the orchestrator does not.
   * Identities ({@code id}, {@code uuid}, {@code …Id}) survive an update in place; every other
   * output is unknown until the server answers, so dependents on other servers are updated with the
   * new value (a dependent whose value did not move is a no-op on its server).
   */
  @Override
  public ObjectNode plannedOutputs(ResourceType type, ObjectNode desired, ObjectNode prior) {
    ObjectNode out = Json.object();
    if (prior != null) {
      prior
          .fields()
          .forEachRemaining(
              e -> {
                String k = e.getKey();
                if (k.equals("id") || k.equals("uuid") || k.endsWith("Id")) {
                  out.set(k, e.getValue());
                }
              });
    }
    return out;
  }

  @Override
  public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> resources) {
    return part.read(type.name(), resources);
  }

  @Override
  public List<ChangeResult> apply(List<Change> batch) {
    return part.apply(batch);
  }

  /** One batch at a time per server: each batch plans and applies the server's whole part. */
  @Override
  public int maxParallelism() {
    return 1;
  }

  @Override
  public void close() {
    part.server().close();
  }
}
