package io.mcpiac.kubernetes.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.kit.Outcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waiting after a write until the cluster has acted on it: a Deployment's or StatefulSet's rollout
 * (all replicas updated and available, as {@code kubectl rollout status} reads it), or a named
 * condition of any object becoming True (a CRD's {@code Established}). Progress goes to the log
 * (stderr) whenever what is seen changes; a rollout the controller gave up on ({@code
 * ProgressDeadlineExceeded}) fails at once, a timeout fails with what was last seen.
 */
public final class Waits {
  private static final Logger LOG = LoggerFactory.getLogger(Waits.class);
  private static final long POLL_MS = 500;

  private Waits() {}

  /** What an object's status says about its rollout: done, still going, or failed. */
  sealed interface Rollout {
    record Done() implements Rollout {}

    record Going(String progress) implements Rollout {}

    record Failed(String reason) implements Rollout {}
  }

  public static Outcome rollout(ObjectStore store, ObjectRef ref, Duration timeout) {
    return poll(store, ref, timeout, "rollout", Waits::rolloutOf);
  }

  public static Outcome condition(
      ObjectStore store, ObjectRef ref, String condition, Duration timeout) {
    return poll(store, ref, timeout, "condition " + condition, o -> conditionOf(o, condition));
  }

  private static Outcome poll(
      ObjectStore store,
      ObjectRef ref,
      Duration timeout,
      String what,
      java.util.function.Function<ObjectNode, Rollout> judge) {
    long until = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      ObjectNode live = store.get(ref);
      Rollout r = live == null ? new Rollout.Failed(ref + " is gone") : judge.apply(live);
      if (r instanceof Rollout.Done) {
        LOG.info("{}: {} done", ref, what);
        return Outcome.DONE;
      }
      if (r instanceof Rollout.Failed f) {
        return Outcome.failed(what + " of " + ref + " failed: " + f.reason());
      }
      String progress = ((Rollout.Going) r).progress();
      if (!progress.equals(last)) {
        LOG.info("{}: waiting for {}: {}", ref, what, progress);
        last = progress;
      }
      if (System.nanoTime() > until) {
        return Outcome.failed(
            "timed out after "
                + timeout.toSeconds()
                + " s waiting for "
                + what
                + " of "
                + ref
                + " ("
                + progress
                + ")");
      }
      pause();
    }
  }

  /** Deployment and StatefulSet rollout, from status alone. */
  static Rollout rolloutOf(ObjectNode o) {
    JsonNode spec = o.path("spec");
    JsonNode status = o.path("status");
    for (JsonNode c : status.path("conditions")) {
      if ("Progressing".equals(c.path("type").asText())
          && "ProgressDeadlineExceeded".equals(c.path("reason").asText())) {
        return new Rollout.Failed(c.path("message").asText("progress deadline exceeded"));
      }
    }
    long generation = o.path("metadata").path("generation").asLong(0);
    if (status.path("observedGeneration").asLong(-1) < generation || status.isMissingNode()) {
      return new Rollout.Going("the controller has not seen generation " + generation + " yet");
    }
    int want = spec.path("replicas").asInt(1);
    int updated = status.path("updatedReplicas").asInt(0);
    int ready =
        status.has("availableReplicas")
            ? status.path("availableReplicas").asInt(0)
            : status.path("readyReplicas").asInt(0);
    int total = status.path("replicas").asInt(0);
    String progress = updated + "/" + want + " updated, " + ready + "/" + want + " available";
    boolean revisionDone =
        !"StatefulSet".equals(o.path("kind").asText())
            || status
                .path("currentRevision")
                .asText("")
                .equals(status.path("updateRevision").asText(""));
    if (updated >= want && ready >= want && total <= want && revisionDone) {
      return new Rollout.Done();
    }
    return new Rollout.Going(progress + (total > want ? ", " + total + " in total" : ""));
  }

  static Rollout conditionOf(ObjectNode o, String condition) {
    for (JsonNode c : o.path("status").path("conditions")) {
      if (condition.equals(c.path("type").asText())) {
        String s = c.path("status").asText();
        if ("True".equals(s)) {
          return new Rollout.Done();
        }
        return new Rollout.Going(
            condition + " is " + s + (c.has("message") ? ": " + c.path("message").asText() : ""));
      }
    }
    return new Rollout.Going("no " + condition + " condition yet");
  }

  /** One polling interval; an interrupt (a cancelled apply) ends the wait. */
  static void pause() {
    try {
      Thread.sleep(POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("interrupted while waiting");
    }
  }
}
