package io.mcpiac.engine.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The rollback of a run: the compensation of every change that completed, kept as they complete,
 * and run in reverse order of completion when the run fails. A failed undo does not stop the rest.
 */
final class Rollback {
  private final Deque<Undo> completed = new ArrayDeque<>();

  /** A change completed; {@code undo} takes it back. Called from the workers. */
  synchronized void completed(Undo undo) {
    completed.push(undo);
  }

  private synchronized List<Undo> newestFirst() {
    return new ArrayList<>(completed);
  }

  /**
   * @param done actions finished when the run stopped (for the progress events)
   */
  List<UndoResult> run(Undoer undoer, ProgressEmitter progress, int done) {
    List<Undo> undos = newestFirst();
    progress.run(
        ProgressEvent.Kind.ROLLBACK_START, "running", 0, undos.size() + " changes to undo", done);
    List<UndoResult> results = new ArrayList<>();
    for (Undo u : undos) {
      UndoResult result =
          new UndoResult(u.resource(), u.change().type().name(), u.change().kind(), undoer.undo(u));
      results.add(result);
      progress.undone(result, done);
    }
    long failed = results.stream().filter(r -> !r.success()).count();
    progress.run(
        ProgressEvent.Kind.ROLLBACK_COMPLETE,
        failed == 0 ? "complete" : "failed",
        0,
        (results.size() - failed) + " undone, " + failed + " could not be undone",
        done);
    return results;
  }
}
