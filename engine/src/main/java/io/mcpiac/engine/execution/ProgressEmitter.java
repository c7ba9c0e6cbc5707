package io.mcpiac.engine.execution;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hands a run's progress events to its listener, in the order they were emitted, on a thread of its
 * own. Emitting only queues the event: a listener that is slow to take it (an MCP client, whose SDK
 * blocks on each notification) delays nothing but itself, and the scheduler never calls out while
 * it holds its lock. {@link #close} waits until the listener has had every event, so a run returns
 * only once its listener knows how it ended.
 */
final class ProgressEmitter implements AutoCloseable {
  private static final ProgressEvent END =
      new ProgressEvent(
          ProgressEvent.Kind.COMPLETE, Instant.EPOCH, -1, null, null, null, null, 0, 0, 0, null);

  private final ProgressListener listener;
  private final int total;
  private final BlockingQueue<ProgressEvent> queue = new LinkedBlockingQueue<>();

  /** Null when nobody listens: then events are not even queued. */
  private final Thread delivery;

  /**
   * @param total the number of actions of the run
   */
  ProgressEmitter(ProgressListener listener, int total) {
    this.listener = listener;
    this.total = total;
    if (listener == ProgressListener.NONE) {
      this.delivery = null;
      return;
    }
    this.delivery = new Thread(this::deliver, "mcp-iac-progress");
    delivery.setDaemon(true);
    delivery.start();
  }

  /** An event of the whole run (start, rollback start and end, complete). */
  void run(ProgressEvent.Kind kind, String status, long durationMs, String message, int done) {
    emit(
        new ProgressEvent(
            kind, Instant.now(), -1, null, null, null, status, done, total, durationMs, message));
  }

  void action(ActionNode n, String status, long durationMs, String message, int done) {
    emit(
        new ProgressEvent(
            ProgressEvent.Kind.ACTION_UPDATE,
            Instant.now(),
            n.action.stage(),
            n.action.name(),
            n.action.type(),
            n.action.action(),
            status,
            done,
            total,
            durationMs,
            message));
  }

  void stage(ProgressEvent.Kind kind, int stage, String status, int done) {
    emit(
        new ProgressEvent(
            kind,
            Instant.now(),
            stage,
            null,
            null,
            null,
            status,
            done,
            total,
            0,
            "stage " + (stage + 1)));
  }

  void undone(UndoResult u, int done) {
    emit(
        new ProgressEvent(
            ProgressEvent.Kind.ROLLBACK_ACTION,
            Instant.now(),
            -1,
            u.resource(),
            u.type(),
            null,
            u.success() ? "complete" : "failed",
            done,
            total,
            0,
            u.kind().name().toLowerCase(java.util.Locale.ROOT)
                + (u.success() ? "" : ": " + u.error())));
  }

  private void emit(ProgressEvent event) {
    if (delivery != null) {
      queue.add(event);
    }
  }

  private void deliver() {
    while (true) {
      ProgressEvent event;
      try {
        event = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (event == END) {
        return;
      }
      try {
        listener.on(event);
      } catch (RuntimeException ignored) {
        // a broken listener must not break an apply
      }
    }
  }

  /** Waits until the listener has had every event emitted so far. */
  @Override
  public void close() {
    if (delivery == null) {
      return;
    }
    queue.add(END);
    boolean interrupted = false;
    while (delivery.isAlive()) {
      try {
        delivery.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
