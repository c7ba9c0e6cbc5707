package io.mcpiac.engine.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A system of certificates (replaced create-before-destroy when their lifetime changes) and
 * frontends that serve one, which refuses to delete a certificate a frontend serves, as OPNsense
 * does. A change can lose its answer: done on the system, then the call fails, as when a connection
 * drops.
 */
final class CertificatesProvider implements Provider {
  static final ResourceType CERT =
      new ResourceType(
          "certs:cert",
          "A certificate.",
          Json.parse("{\"type\":\"object\",\"properties\":{\"lifetime\":{\"type\":\"integer\"}}}"),
          Set.of("lifetime"),
          Set.of(),
          Map.of(),
          true);
  static final ResourceType FRONTEND =
      new ResourceType(
          "certs:frontend",
          "Serves a certificate.",
          Json.parse("{\"type\":\"object\",\"properties\":{\"cert\":{\"type\":\"string\"}}}"),
          Set.of(),
          Set.of(),
          Map.of(),
          false);

  /** The system's objects by id. */
  final Map<String, ObjectNode> objects = new ConcurrentHashMap<>();

  /** Changes whose answer is lost after they were made. */
  volatile Predicate<Change> loseAnswer = c -> false;

  @Override
  public String name() {
    return "certs";
  }

  @Override
  public List<ResourceType> resourceTypes() {
    return List.of(CERT, FRONTEND);
  }

  /** The ids of the certificates on the system. */
  List<String> certificates() {
    return objects.entrySet().stream()
        .filter(e -> e.getValue().has("lifetime"))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  @Override
  public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> resources) {
    return read(objects, resources);
  }

  /** The requested objects of a system kept as properties by id, without outputs. */
  static Map<String, LiveResource> read(
      Map<String, ObjectNode> objects, List<ReadRequest> resources) {
    Map<String, LiveResource> out = new HashMap<>();
    for (ReadRequest r : resources) {
      ObjectNode o = objects.get(r.id());
      if (o != null) {
        out.put(r.name(), new LiveResource(r.name(), r.id(), o.deepCopy(), Json.object()));
      }
    }
    return out;
  }

  @Override
  public List<ChangeResult> apply(List<Change> batch) {
    List<ChangeResult> out = new ArrayList<>();
    for (Change c : batch) {
      if (c.kind() == Change.Kind.DELETE) {
        boolean served =
            objects.values().stream().anyMatch(o -> c.id().equals(o.path("cert").asText(null)));
        if (served) {
          out.add(ChangeResult.failed(c.name(), "item in use by a frontend"));
          continue;
        }
        objects.remove(c.id());
      } else {
        objects.put(c.id(), c.desired().deepCopy());
      }
      if (loseAnswer.test(c)) {
        throw new ProviderException("connection reset after " + c.kind() + " " + c.name());
      }
      out.add(ChangeResult.ok(c.name(), c.id(), Json.object()));
    }
    return out;
  }
}
