package io.mcpiac.engine.states;

import io.mcpiac.engine.errors.NotFoundException;
import java.util.List;
import java.util.TreeSet;

/**
 * Makes an earlier version of a deployment's state current again, as a new version under the
 * deployment's lock: for the operator who accepted a bad refresh or import. Nothing is lost: the
 * version rolled back from stays readable and can itself be rolled back to. Changes no real system.
 */
public final class StateRollback {
  private StateRollback() {}

  /** What a rollback did. */
  public record Result(long from, long to, long newVersion, List<String> changed) {}

  public static Result rollback(StateStore store, String deployment, long toVersion) {
    try (StateLock ignored = store.lock(deployment, LockInfo.current("state rollback"))) {
      if (!store.unfinished(deployment).isEmpty()) {
        throw new IllegalStateException(
            "deployment '"
                + deployment
                + "' has an interrupted run that is not reconciled yet: run plan first");
      }
      long current = store.version(deployment);
      if (current <= 0) {
        throw new NotFoundException("no deployment state found for '" + deployment + "'");
      }
      if (toVersion < 1 || toVersion >= current) {
        throw new NotFoundException(
            "version "
                + toVersion
                + " of '"
                + deployment
                + "' is not an earlier version: choose 1 to "
                + (current - 1)
                + " (see state show "
                + deployment
                + " --version N)");
      }
      DeploymentState then =
          store
              .load(deployment, toVersion)
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "version " + toVersion + " of '" + deployment + "' is not recorded"));
      DeploymentState now = store.load(deployment).orElse(DeploymentState.empty(deployment));
      TreeSet<String> changed = new TreeSet<>();
      then.resources()
          .forEach(
              (n, r) -> {
                if (!r.equals(now.resources().get(n))) {
                  changed.add(n);
                }
              });
      now.resources().keySet().stream()
          .filter(n -> !then.resources().containsKey(n))
          .forEach(changed::add);
      long version = store.importState(then, List.of());
      return new Result(current, toVersion, version, List.copyOf(changed));
    }
  }
}
