package io.mcpiac.mcp.jobs;

import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.mcp.envelope.ErrorCode;
import io.mcpiac.mcp.envelope.ToolFailure;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest job of every deployment. At most one runs per deployment (the engine's lock would
 * refuse a second anyway; refusing here answers at once, before a background thread starts).
 */
public final class Jobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

  private final Map<String, Job> latest = new ConcurrentHashMap<>();
  private final ExecutorService background =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "mcp-iac-job");
            t.setDaemon(true);
            return t;
          });

  /** What a job does: runs with the job's listener and cancellation; null result: nothing ran. */
  public interface Work extends Function<Job, ExecutionResult> {}

  public Optional<Job> latest(String deployment) {
    return Optional.ofNullable(latest.get(deployment));
  }

  public boolean anyRunning() {
    return latest.values().stream().anyMatch(Job::running);
  }

  /** Registers a job, refusing when one is running for the deployment. */
  public synchronized Job begin(String deployment, String planId, String operation) {
    Job current = latest.get(deployment);
    if (current != null && current.running()) {
      throw new ToolFailure(
          ErrorCode.LOCKED,
          "deployment '"
              + deployment
              + "' is busy: a "
              + current.toJson().path("operation").asText()
              + " is running (cancel it with cancelDeployment)");
    }
    Job job = new Job(deployment, planId, operation);
    latest.put(deployment, job);
    return job;
  }

  /** Runs on the calling thread; exceptions end the job and propagate. */
  public ExecutionResult runHere(Job job, Work work) {
    try {
      ExecutionResult r = work.apply(job);
      if (r == null) {
        job.finishEmpty();
      } else {
        job.finish(r);
      }
      return r;
    } catch (RuntimeException e) {
      job.fail(e.getMessage() == null ? e.toString() : e.getMessage());
      throw e;
    }
  }

  /** Runs on a background thread; the job records the outcome. */
  public void runInBackground(Job job, Work work) {
    background.execute(
        () -> {
          try {
            runHere(job, work);
          } catch (RuntimeException e) {
            LOG.warn("background job of {} failed: {}", job.deployment(), e.toString());
          }
        });
  }

  /** A listener that records events in the job and passes them on. */
  public static ProgressListener recording(Job job, ProgressListener next) {
    return e -> {
      job.record(e);
      next.on(e);
    };
  }

  @Override
  public void close() {
    latest.values().forEach(j -> j.cancellation().cancel());
    background.shutdown();
  }
}
