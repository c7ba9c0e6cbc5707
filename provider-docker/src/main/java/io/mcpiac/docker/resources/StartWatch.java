package io.mcpiac.docker.resources;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import io.mcpiac.docker.client.DockerConnection;
import io.mcpiac.engine.providers.kit.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Watches a started container for a short grace period: one that exits with an error or keeps
 * restarting is a failed create, reported with its last log lines.
 */
final class StartWatch {
  private final DockerConnection docker;
  private final Duration startCheck;

  StartWatch(DockerConnection docker, Duration startCheck) {
    this.docker = docker;
    this.startCheck = startCheck;
  }

  /**
   * Watches a started container for the grace period: done while it keeps running (or when it
   * finished successfully, as a one-shot job does), else failed with what went wrong.
   */
  Outcome watch(String id) {
    long deadline = System.nanoTime() + startCheck.toNanos();
    while (true) {
      InspectContainerResponse c = docker.client().inspectContainerCmd(id).exec();
      InspectContainerResponse.ContainerState state = c.getState();
      Integer restarts = c.getRestartCount();
      if (Boolean.TRUE.equals(state.getRestarting()) || restarts != null && restarts > 0) {
        return Outcome.failed("keeps restarting (exit code " + state.getExitCodeLong() + ")");
      }
      if (!Boolean.TRUE.equals(state.getRunning())) {
        Long exit = state.getExitCodeLong();
        if (exit != null && exit == 0 && (state.getError() == null || state.getError().isEmpty())) {
          return Outcome.DONE;
        }
        String error =
            state.getError() == null || state.getError().isEmpty() ? "" : ": " + state.getError();
        return Outcome.failed("exited at once with code " + exit + error);
      }
      if (System.nanoTime() >= deadline) {
        return Outcome.DONE;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.DONE;
      }
    }
  }

  /** The container's last log lines, as a message suffix. */
  String lastLogLines(String id) {
    StringBuilder text = new StringBuilder();
    try {
      docker
          .client()
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .withTail(20)
          .exec(
              new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  synchronized (text) {
                    text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                  }
                }
              })
          .awaitCompletion(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      return "";
    }
    synchronized (text) {
      String logs = text.toString().strip();
      return logs.isEmpty() ? "" : "; its last log lines:\n" + logs;
    }
  }
}
