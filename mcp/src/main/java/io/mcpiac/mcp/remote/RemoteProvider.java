package io.mcpiac.mcp.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.KeptSecrets;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.util.List;
import java.util.Map;

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
      types =
          part.types().stream()
              .filter(t -> ResourceType.prefixOf(t.name()).equals(prefix))
              .toList();
    }
    return types;
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

  /** The server receives its whole part: untouched resources with secrets are restated. */
  @Override
  public List<ChangeResult> apply(List<Change> batch, KeptSecrets kept) {
    return part.apply(batch, kept);
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
