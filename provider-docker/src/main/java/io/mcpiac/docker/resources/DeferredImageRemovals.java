package io.mcpiac.docker.resources;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.mcpiac.docker.client.DockerConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Old images that could not be removed yet because a running container still uses them. This is the
 * normal case when an image is rebuilt: the engine replaces the image (new one built, old one
 * deleted) before it replaces the containers that run it. The old image is removed as soon as a
 * container of this provider is removed; by then it carries no tag any more (the new build took
 * them over).
 */
final class DeferredImageRemovals {
  private final DockerConnection docker;

  /** Docker image id → the resource id it was built as. */
  private final Map<String, String> pending = new ConcurrentHashMap<>();

  DeferredImageRemovals(DockerConnection docker) {
    this.docker = docker;
  }

  void defer(String imageId, String resourceId) {
    pending.put(imageId, resourceId);
  }

  /** An undo re-adopts an image that is still there: it must not go later. */
  void cancel(String resourceId) {
    pending.values().removeIf(resourceId::equals);
  }

  boolean isPending(String imageId) {
    return pending.containsKey(imageId);
  }

  /** Tries every pending removal again; those still in use stay pending. */
  void retry() {
    for (String imageId : pending.keySet()) {
      try {
        docker.client().removeImageCmd(imageId).withForce(true).exec();
        pending.remove(imageId);
      } catch (NotFoundException gone) {
        pending.remove(imageId);
      } catch (DockerException stillInUse) {
        // still in use by another running container: try again after the next removal
      }
    }
  }
}
