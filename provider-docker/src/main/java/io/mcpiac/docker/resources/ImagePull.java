package io.mcpiac.docker.resources;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.PullResponseItem;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.engine.providers.kit.Outcome;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Pulls an image a container needs and the Docker host does not have. */
final class ImagePull {
  private final DockerConnection docker;

  ImagePull(DockerConnection docker) {
    this.docker = docker;
  }

  /** Pulls {@code image}: done, or why not. */
  Outcome pull(String image) {
    // errors are collected here instead of docker-java's default, which logs them as ERROR
    AtomicReference<String> failure = new AtomicReference<>();
    ResultCallback.Adapter<PullResponseItem> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(PullResponseItem item) {
            if (item.getErrorDetail() != null) {
              failure.compareAndSet(null, item.getErrorDetail().getMessage());
            }
          }

          @Override
          public void onError(Throwable error) {
            failure.compareAndSet(
                null,
                error instanceof DockerException d
                    ? DockerErrors.message(d)
                    : String.valueOf(error.getMessage()));
            try {
              close();
            } catch (java.io.IOException ignored) {
              // closing only releases the waiting thread
            }
          }
        };
    try {
      docker.client().pullImageCmd(image).exec(callback).awaitCompletion(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failed("interrupted");
    } catch (RuntimeException e) {
      failure.compareAndSet(null, String.valueOf(e.getMessage()));
    }
    return failure.get() == null ? Outcome.DONE : Outcome.failed(failure.get());
  }
}
