package io.mcpiac.docker.resources;

import io.mcpiac.docker.client.DockerConnection;
import java.time.Duration;
import java.util.List;

/** The provider's resource types, wired to one connection. */
public final class DockerResources {
  private DockerResources() {}

  /**
   * @param startCheck how long a started container is watched for an early exit
   * @param baseDirectory what relative build contexts are relative to; null: the working directory
   */
  public static List<DockerResource> all(
      DockerConnection docker, Duration startCheck, java.nio.file.Path baseDirectory) {
    DeferredImageRemovals deferred = new DeferredImageRemovals(docker);
    return List.of(
        new ImageBuildResource(docker, deferred, baseDirectory),
        new NetworkResource(docker),
        new VolumeResource(docker),
        new ContainerResource(docker, deferred, startCheck));
  }
}
