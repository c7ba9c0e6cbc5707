package io.mcpiac.engine.states;

import io.mcpiac.engine.errors.InvalidInputException;
import io.mcpiac.engine.errors.NotFoundException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Terraform's state surgery as pure functions over a recorded state: forget a resource (its object
 * stays on the system), rename one (its object stays, under the new name). Dependencies of the
 * other resources follow.
 */
public final class StateEdits {
  private StateEdits() {}

  /**
   * @throws NoSuchElementException when a name is not recorded
   */
  public static DeploymentState forget(DeploymentState state, Collection<String> names) {
    for (String name : names) {
      require(state, name);
    }
    Map<String, ResourceRecord> out = new LinkedHashMap<>();
    for (ResourceRecord r : state.resources().values()) {
      if (!names.contains(r.name())) {
        List<String> deps = r.dependencies().stream().filter(d -> !names.contains(d)).toList();
        out.put(r.name(), withDependencies(r, r.name(), deps));
      }
    }
    return new DeploymentState(state.name(), state.version(), state.updatedAt(), out);
  }

  /**
   * @throws NoSuchElementException when {@code from} is not recorded
   * @throws IllegalArgumentException when {@code to} already is
   */
  public static DeploymentState move(DeploymentState state, String from, String to) {
    require(state, from);
    if (state.resources().containsKey(to)) {
      throw new InvalidInputException(
          "cannot move '" + from + "' to '" + to + "': '" + to + "' is already recorded");
    }
    Map<String, ResourceRecord> out = new LinkedHashMap<>();
    for (ResourceRecord r : state.resources().values()) {
      List<String> deps = r.dependencies().stream().map(d -> d.equals(from) ? to : d).toList();
      String name = r.name().equals(from) ? to : r.name();
      out.put(name, withDependencies(r, name, deps));
    }
    return new DeploymentState(state.name(), state.version(), state.updatedAt(), out);
  }

  private static void require(DeploymentState state, String name) {
    if (!state.resources().containsKey(name)) {
      throw new NotFoundException(
          "deployment '"
              + state.name()
              + "' has no resource '"
              + name
              + "' in state"
              + io.mcpiac.engine.config.Suggestions.didYouMean(name, state.resources().keySet()));
    }
  }

  private static ResourceRecord withDependencies(
      ResourceRecord r, String name, List<String> dependencies) {
    return new ResourceRecord(
        name, r.type(), r.provider(), r.id(), r.properties(), r.outputs(), dependencies, r.state());
  }

  /**
   * The file's renames that state has not seen yet: those whose {@code from} is still recorded (a
   * move already made is skipped, so the list can stay in the file).
   *
   * @param notes one line per move made, for the plan
   */
  public record Moved(DeploymentState state, List<String> notes) {
    public boolean any() {
      return !notes.isEmpty();
    }
  }

  public static Moved applyMoves(DeploymentState state, List<io.mcpiac.engine.config.Move> moves) {
    DeploymentState out = state;
    List<String> notes = new java.util.ArrayList<>();
    for (io.mcpiac.engine.config.Move m : moves) {
      if (out.resources().containsKey(m.from())) {
        out = move(out, m.from(), m.to());
        notes.add("'" + m.from() + "' has moved to '" + m.to() + "' (moved:)");
      }
    }
    return new Moved(out, notes);
  }
}
