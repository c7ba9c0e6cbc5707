package io.mcpiac.docker;

import com.github.dockerjava.api.exception.DockerException;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.docker.resources.DockerErrors;
import io.mcpiac.docker.resources.DockerResources;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.kit.Failure;
import io.mcpiac.engine.providers.kit.KitProvider;
import io.mcpiac.engine.resources.ResourceType;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code docker} provider: image builds, containers, networks and volumes on one Docker Engine,
 * one {@link io.mcpiac.engine.providers.kit.TypeHandler} each (see {@link DockerResources}).
 * Everything it creates is labelled ({@code io.mcpiac.managed}, {@code io.mcpiac.id}, {@code
 * io.mcpiac.resource}), so reads, imports and clean-up find it with one list call per type.
 */
public final class DockerProvider extends KitProvider<DockerConnection> {
  public static final String NAME = "docker";

  private final DockerConnection docker;

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
    this(new DockerConnection(host), startCheck, context);
  }

  private DockerProvider(DockerConnection docker, Duration startCheck, ProviderContext context) {
    super(NAME, DockerResources.all(docker, startCheck, context));
    this.docker = docker;
  }

  /** The handlers keep the connection; it connects on first use. */
  @Override
  protected DockerConnection session() {
    return docker;
  }

  /**
   * An error the daemon answers with is that change's failure; losing the daemon fails the batch,
   * so the engine finds out by a read what happened.
   */
  @Override
  protected Failure classify(RuntimeException e) {
    if (e instanceof DockerException d) {
      return new Failure.OfChange(DockerErrors.message(d));
    }
    if (isTransportFailure(e)) {
      return new Failure.OfBatch(docker.unreachable(e));
    }
    return new Failure.OfBatch(e);
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

  /** Docker names its objects after their id: the resource name and a random suffix. */
  @Override
  public String newId(ResourceType type, String name) {
    byte[] suffix = new byte[4];
    ThreadLocalRandom.current().nextBytes(suffix);
    // expanded names (web.app[1]) hold characters Docker refuses in object names
    return name.replaceAll("[^a-zA-Z0-9_.-]", "-") + "-" + HexFormat.of().formatHex(suffix);
  }

  /** Docker has nothing to commit per batch: one change per call lets the engine overlap them. */
  @Override
  public int maxBatchSize() {
    return 1;
  }

  @Override
  public void close() {
    docker.close();
  }
}
