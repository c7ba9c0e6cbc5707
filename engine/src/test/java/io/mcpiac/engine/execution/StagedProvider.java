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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A system whose writes are only saved until they are activated, like a firewall's config.xml and
 * its apply: {@code saved} is what writes change, {@code running} what activation copies it to. Its
 * one scope is {@code items}.
 */
final class StagedProvider implements Provider {
  static final ResourceType ITEM =
      new ResourceType(
          "staged:item",
          "An item that is saved, then activated.",
          Json.parse("{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"string\"}}}"),
          Set.of(),
          Set.of(),
          Map.of(),
          false);

  final Map<String, ObjectNode> saved = new ConcurrentHashMap<>();
  volatile Map<String, ObjectNode> running = Map.of();
  final List<List<String>> activations = new ArrayList<>();
  volatile boolean failActivation;

  /** Activation fails, and the batch's writes are taken back: every change is a failed result. */
  volatile boolean failActivationTakingBack;

  @Override
  public String name() {
    return "staged";
  }

  @Override
  public List<ResourceType> resourceTypes() {
    return List.of(ITEM);
  }

  @Override
  public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> resources) {
    return CertificatesProvider.read(saved, resources);
  }

  @Override
  public List<ChangeResult> apply(List<Change> batch) {
    List<ChangeResult> out = new ArrayList<>();
    if (failActivationTakingBack) {
      activations.add(activationScopes(batch));
      for (Change c : batch) {
        out.add(ChangeResult.failed(c.name(), "items: refused; the writes were taken back"));
      }
      return out;
    }
    for (Change c : batch) {
      if (c.kind() == Change.Kind.DELETE) {
        saved.remove(c.id());
      } else {
        saved.put(c.id(), c.desired().deepCopy());
      }
      out.add(ChangeResult.ok(c.name(), c.id(), Json.object()));
    }
    activate(activationScopes(batch));
    return out;
  }

  @Override
  public List<String> activationScopes(List<Change> batch) {
    return batch.isEmpty() ? List.of() : List.of("items");
  }

  @Override
  public synchronized void activate(List<String> scopes) {
    activations.add(List.copyOf(scopes));
    if (failActivation) {
      throw new ProviderException("items: the service refused the new configuration");
    }
    running = Map.copyOf(saved);
  }
}
