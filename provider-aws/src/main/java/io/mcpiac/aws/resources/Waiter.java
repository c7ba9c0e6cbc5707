package io.mcpiac.aws.resources;

import io.mcpiac.engine.providers.ProviderException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Waits for an object to reach a state, looking again at a growing interval (the first from the
 * settings, up to 10 s), with a timeout, and says on the log every 30 s what it waits for. A
 * timeout is a failure naming the state waited for and the last one seen.
 */
public final class Waiter {
  private static final Logger LOG = LoggerFactory.getLogger(Waiter.class);
  private static final Duration MAX_INTERVAL = Duration.ofSeconds(10);
  private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

  private final Duration firstInterval;

  public Waiter(Duration firstInterval) {
    this.firstInterval = firstInterval;
  }

  /** What one look at the object says: done, or the state it is in now. */
  public record Look(boolean done, String state) {
    public static Look done(String state) {
      return new Look(true, state);
    }

    public static Look notYet(String state) {
      return new Look(false, state);
    }
  }

  /**
   * @param what the object and the state awaited, for messages ({@code instance i-1 running})
   */
  public void until(String what, Duration timeout, Supplier<Look> look) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long nextReport = start + REPORT_EVERY.toNanos();
    Duration interval = firstInterval;
    String last = "unknown";
    while (true) {
      Look l = look.get();
      last = l.state();
      if (l.done()) {
        return;
      }
      long now = System.nanoTime();
      if (now >= deadline) {
        throw new ProviderException(
            "timed out after "
                + timeout.toSeconds()
                + " s waiting for "
                + what
                + " (last seen: "
                + last
                + ")");
      }
      if (now >= nextReport) {
        LOG.info(
            "still waiting for {} ({} s of {} s; now {})",
            what,
            Duration.ofNanos(now - start).toSeconds(),
            timeout.toSeconds(),
            last);
        nextReport = now + REPORT_EVERY.toNanos();
      }
      sleep(Duration.ofNanos(Math.min(interval.toNanos(), deadline - now)));
      interval = longer(interval);
    }
  }

  /**
   * Runs {@code call} again while AWS answers {@code retryCode} (a delete refused while dependents
   * are still going away: {@code DependencyViolation}), until the timeout; then fails with AWS's
   * last answer.
   */
  public <T> T retrying(String retryCode, String what, Duration timeout, Supplier<T> call) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration interval = firstInterval;
    while (true) {
      try {
        return call.get();
      } catch (AwsServiceException e) {
        long now = System.nanoTime();
        if (!retryCode.equals(AwsErrors.code(e)) || now >= deadline) {
          throw e;
        }
        LOG.info("{}: {}; trying again", what, AwsErrors.message(e));
        sleep(Duration.ofNanos(Math.min(interval.toNanos(), deadline - now)));
        interval = longer(interval);
      }
    }
  }

  private static Duration longer(Duration interval) {
    Duration twice = interval.multipliedBy(2);
    return twice.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : twice;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("interrupted while waiting");
    }
  }
}
