package io.mcpiac.engine.execution;

import io.mcpiac.engine.states.JournalEntry;
import io.mcpiac.engine.states.StateDamagedException;
import io.mcpiac.engine.states.StateStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What an apply knows once its state database failed under it (corrupt, failing disk, full): from
 * then on nothing new starts, and what was done but could not be recorded is kept here so the
 * report names it. A full disk still lets the rollback undo (journalling what it can); a corrupt or
 * failing one does not, since nothing the undo would record could be trusted.
 */
final class StateDamage {
  private volatile StateDamagedException first;
  private final List<String> unrecorded = Collections.synchronizedList(new ArrayList<>());

  void record(StateDamagedException e) {
    synchronized (this) {
      if (first == null) {
        first = e;
      }
    }
  }

  boolean happened() {
    return first != null;
  }

  /** Whether undoing may still call providers: only when the store is intact but full. */
  boolean allowsUndo() {
    return first == null || first.damage() == StateDamagedException.Damage.FULL;
  }

  /** A change that happened on a system while state could not record it. */
  void unrecorded(String what) {
    unrecorded.add(what);
  }

  /** The error of the apply: what failed, what is known, how to recover. */
  String report(StateStore store, String deployment, boolean undone, List<ActionResult> results) {
    StringBuilder out = new StringBuilder(first.getMessage());
    out.append("\nThe apply stopped at once: no further change was started");
    out.append(
        undone
            ? "; completed changes were undone where possible."
            : "; nothing was undone, since state can no longer be trusted to record it.");
    List<String> done = new ArrayList<>();
    for (ActionResult a : results) {
      if (a.status() == ActionResult.Status.COMPLETE) {
        done.add(a.action().label() + " " + a.resource());
      }
    }
    if (!done.isEmpty()) {
      out.append("\nCompleted by this apply")
          .append(undone ? " (before the undo): " : ": ")
          .append(String.join(", ", done))
          .append('.');
    }
    if (!unrecorded.isEmpty()) {
      out.append("\nDone on the systems but not recorded in state: ")
          .append(String.join(", ", unrecorded))
          .append('.');
    }
    try {
      List<JournalEntry> pending = store.unfinished(deployment);
      if (!pending.isEmpty()) {
        out.append("\nJournal intents without a result: ");
        List<String> names = new ArrayList<>();
        for (JournalEntry e : pending) {
          names.add(
              (e.isActivation() ? "activate" : e.kind().name().toLowerCase(Locale.ROOT))
                  + " "
                  + e.resource()
                  + " on "
                  + e.provider()
                  + (e.isActivation() ? "" : " (id " + e.resourceId() + ")"));
        }
        out.append(String.join(", ", names)).append('.');
      }
    } catch (RuntimeException e) {
      out.append("\nThe journal cannot be read back: ").append(e.getMessage());
    }
    out.append("\nTo recover: ");
    if (first.damage() == StateDamagedException.Damage.FULL) {
      out.append(
          "free space where the state lives, then run plan or apply again: it first reconciles"
              + " these intents with a live read of the systems.");
    } else {
      out.append(
          "keep this file aside for inspection and restore state from a backup or a `state"
              + " export` (`state import FILE --force`), or adopt what exists with `import`; then"
              + " plan or apply reconciles whatever intents the restored journal holds with a live"
              + " read. The changes named above exist on the systems.");
    }
    return out.toString();
  }
}
