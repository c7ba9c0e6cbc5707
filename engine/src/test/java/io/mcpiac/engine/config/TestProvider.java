package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.resources.ResourceType;
import io.mcpiac.engine.resources.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A provider for validation tests: {@code test:server} and {@code test:pool}, with schemas using
 * required, enum, minimum/maximum, nested objects and arrays, declared outputs, and checks of its
 * own beyond the schema. It never touches anything.
 */
final class TestProvider implements Provider {
  static final ResourceType SERVER =
      new ResourceType(
          "test:server",
          "A server.",
          Json.parse(
              """
              {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "type": "object",
                "additionalProperties": false,
                "required": ["host"],
                "properties": {
                  "host": {"type": "string", "minLength": 1},
                  "port": {"type": "integer", "minimum": 1, "maximum": 65535},
                  "protocol": {"enum": ["http", "https"]},
                  "tags": {"type": "array", "items": {"type": "string"}},
                  "options": {
                    "type": "object",
                    "properties": {"timeout": {"type": "integer", "minimum": 1}}
                  }
                }
              }
              """),
          Set.of("host"),
          Set.of(),
          Map.of("ip", "the server's address", "id", "the server's id"),
          false);

  static final ResourceType POOL =
      new ResourceType(
          "test:pool",
          "A pool of servers.",
          Json.parse(
              """
              {
                "type": "object",
                "required": ["members", "mode"],
                "properties": {
                  "members": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                  "mode": {"enum": ["round-robin", "weighted"]},
                  "weights": {"type": "array", "items": {"type": "integer", "minimum": 0}},
                  "port": {"type": "integer", "minimum": 1, "maximum": 65535}
                }
              }
              """),
          Set.of(),
          Set.of(),
          Map.of("address", "the pool's virtual address"),
          true);

  /** The registry the validation tests use: {@code core} and {@code test}. */
  static ProviderRegistry registry() {
    return new ProviderRegistry()
        .register("core", new CoreProvider())
        .register("test", new TestProvider());
  }

  @Override
  public String name() {
    return "test";
  }

  @Override
  public List<ResourceType> resourceTypes() {
    return List.of(SERVER, POOL);
  }

  @Override
  public Map<String, String> validate(ResourceType type, String name, ObjectNode properties) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (type.equals(POOL)) {
      JsonNode weights = properties.get("weights");
      if ("weighted".equals(properties.path("mode").asText()) && weights == null) {
        problems.put("weights", "a weighted pool needs weights");
      }
      JsonNode members = properties.get("members");
      if (weights != null
          && members != null
          && !Values.containsUnknown(weights)
          && !Values.containsUnknown(members)
          && weights.size() != members.size()) {
        problems.put("weights", "needs one weight per member");
      }
    }
    if (type.equals(SERVER)
        && "https".equals(properties.path("protocol").asText())
        && properties.path("port").asInt() == 80) {
      problems.put("", "https on port 80 is refused");
    }
    return problems;
  }

  @Override
  public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> resources) {
    return Map.of();
  }

  @Override
  public List<ChangeResult> apply(List<Change> batch) {
    throw new UnsupportedOperationException("validation tests apply nothing");
  }
}
