package io.mcpiac.docker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.exception.DockerException;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.docker.resources.DockerResource;
import io.mcpiac.docker.resources.DockerResources;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code docker} provider: image builds, containers, networks and volumes on one Docker Engine.
 * Everything it creates is labelled ({@code io.mcpiac.managed}, {@code io.mcpiac.id}, {@code
 * io.mcpiac.resource}), so reads, imports and clean-up find it with one list call per type.
 */
public final class DockerProvider implements Provider {
  public static final String NAME = "docker";

  private final DockerConnection docker;
  private final Map<String, DockerResource> resources = new LinkedHashMap<>();

  /**
   * @param host the Docker Engine; null: {@code DOCKER_HOST}
   * @param startCheck how long a started container is watched for an early exit
   */
  public DockerProvider(String host, Duration startCheck) {
    this(host, startCheck, ProviderContext.workingDirectory());
  }

  /**
   * @param context the deployment it serves (its objects are labelled with it; null: several) and
   *     what relative build contexts are relative to (the deployment file's directory)
   */
  public DockerProvider(String host, Duration startCheck, ProviderContext context) {
    this.docker = new DockerConnection(host);
    for (DockerResource r : DockerResources.all(docker, startCheck, context)) {
      resources.put(r.type().name(), r);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ResourceType> resourceTypes() {
    return resources.values().stream().map(DockerResource::type).toList();
  }

  private DockerResource resource(ResourceType type) {
    DockerResource r = resources.get(type.name());
    if (r == null) {
      throw new ProviderException("the docker provider has no type " + type.name());
    }
    return r;
  }

  @Override
  public Map<String, String> validate(ResourceType type, String name, ObjectNode properties) {
    return resource(type).validate(properties);
  }

  @Override
  public ObjectNode canonical(ResourceType type, ObjectNode properties) {
    return resource(type).canonical(properties);
  }

  @Override
  public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> requests) {
    if (requests.isEmpty()) {
      return Map.of();
    }
    return talking(() -> resource(type).read(requests));
  }

  @Override
  public List<LiveResource> importAll(ResourceType type) {
    return talking(() -> resource(type).importAll());
  }

  /** Docker names its objects after their id: the resource name and a random suffix. */
  @Override
  public String newId(ResourceType type, String name) {
    byte[] suffix = new byte[4];
    ThreadLocalRandom.current().nextBytes(suffix);
    return name + "-" + HexFormat.of().formatHex(suffix);
  }

  @Override
  public ObjectNode plannedOutputs(ResourceType type, ObjectNode desired, ObjectNode prior) {
    return resource(type).plannedOutputs(desired, prior);
  }

  /**
   * Changes one by one. An error the daemon answers with is that change's failure; losing the
   * daemon is an exception, so the engine finds out by a read what happened.
   */
  @Override
  public List<ChangeResult> apply(List<Change> batch) {
    List<ChangeResult> results = new ArrayList<>(batch.size());
    for (Change change : batch) {
      results.add(talking(() -> resource(change.type()).apply(change)));
    }
    return results;
  }

  /** Docker has nothing to commit per batch: one change per call lets the engine overlap them. */
  @Override
  public int maxBatchSize() {
    return 1;
  }

  private <T> T talking(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (DockerException e) {
      throw new ProviderException("Docker answered: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (isTransportFailure(e)) {
        throw docker.unreachable(e);
      }
      throw e;
    }
  }

  /** No answer at all from the daemon: the failure is an I/O error somewhere in the chain. */
  private static boolean isTransportFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    docker.close();
  }
}
