package io.mcpiac.docker.resources;

import io.mcpiac.docker.client.DockerConnection;
import java.time.Duration;
import java.util.List;

/** The provider's resource types, wired to one connection. */
public final class DockerResources {
  private DockerResources() {}

  /**
   * @param startCheck how long a started container is watched for an early exit
   */
  public static List<DockerResource> all(DockerConnection docker, Duration startCheck) {
    DeferredImageRemovals deferred = new DeferredImageRemovals(docker);
    return List.of(
        new ImageBuildResource(docker, deferred),
        new NetworkResource(docker),
        new VolumeResource(docker),
        new ContainerResource(docker, deferred, startCheck));
  }
}
