package io.mcpiac.docker.resources;

import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.engine.providers.kit.TypeHandler;
import java.time.Duration;
import java.util.List;

/** The provider's type handlers, wired to one connection. */
public final class DockerResources {
  private DockerResources() {}

  /**
   * @param startCheck how long a started container is watched for an early exit
   * @param context the deployment the instance serves (null: several) and what relative build
   *     contexts are relative to
   */
  public static List<TypeHandler<DockerConnection>> all(
      DockerConnection docker, Duration startCheck, ProviderContext context) {
    DeferredImageRemovals deferred = new DeferredImageRemovals(docker);
    ManagedLabels managed = new ManagedLabels(context.deployment());
    return List.of(
        new ImageBuildResource(docker, managed, deferred, context.baseDirectory()),
        new NetworkResource(docker, managed),
        new VolumeResource(docker, managed),
        new ContainerResource(docker, managed, deferred, startCheck, context.baseDirectory()));
  }
}
