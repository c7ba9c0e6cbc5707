package io.mcpiac.opnsense.emulator.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The endpoints of one version profile, resolved the way {@code L/Mvc/Router.php} does (1.2): the
 * module case-insensitively, the controller as {@code ucwords($seg,'_')} without underscores
 * compared with the exact class name, the action case-insensitively without underscores; remaining
 * segments are positional parameters, and too few of them is a routing failure.
 */
public final class RouteTable {
  /** An action body. */
  @FunctionalInterface
  public interface Handler {
    ApiResponse handle(ApiCall call);
  }

  /** An action and how many path parameters it requires. */
  public record Action(String name, int requiredParams, Handler handler) {}

  /** A routed request: the action and its parameters. */
  public record Resolved(Action action, List<String> params) {}

  private final Map<String, Map<String, Map<String, Action>>> modules = new HashMap<>();

  /**
   * Registers actions of {@code /api/<module>/<controller>/…}; {@code className} without
   * "Controller".
   */
  public Controller controller(String module, String className) {
    Map<String, Action> actions =
        modules
            .computeIfAbsent(module.toLowerCase(Locale.ROOT), k -> new HashMap<>())
            .computeIfAbsent(className, k -> new HashMap<>());
    return new Controller(actions);
  }

  /** Builder for one controller's actions. */
  public static final class Controller {
    private final Map<String, Action> actions;

    Controller(Map<String, Action> actions) {
      this.actions = actions;
    }

    public Controller action(String name, int requiredParams, Handler handler) {
      actions.put(actionKey(name), new Action(name, requiredParams, handler));
      return this;
    }
  }

  static String actionKey(String segment) {
    return segment.replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** PHP: {@code str_replace('_','',ucwords($seg,'_'))}. */
  static String controllerClass(String segment) {
    StringBuilder b = new StringBuilder();
    boolean upper = true;
    for (char c : segment.toCharArray()) {
      if (c == '_') {
        upper = true;
        continue;
      }
      b.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    return b.toString();
  }

  /** Resolves {@code /api/…} (raw, not URL-decoded); null when no action matches. */
  public Resolved resolve(String path) {
    if (!path.startsWith("/api/")) {
      return null;
    }
    List<String> segs = new ArrayList<>(Arrays.asList(path.substring(5).split("/")));
    segs.removeIf(String::isEmpty);
    if (segs.size() < 2) {
      return null;
    }
    Map<String, Map<String, Action>> controllers =
        modules.get(segs.get(0).toLowerCase(Locale.ROOT));
    if (controllers == null) {
      return null;
    }
    Map<String, Action> actions = controllers.get(controllerClass(segs.get(1)));
    if (actions == null) {
      return null;
    }
    String command = segs.size() > 2 ? segs.get(2) : "index";
    Action a = actions.get(actionKey(command));
    if (a == null) {
      return null;
    }
    List<String> params = segs.size() > 3 ? segs.subList(3, segs.size()) : List.of();
    if (params.size() < a.requiredParams()) {
      return null;
    }
    return new Resolved(a, List.copyOf(params));
  }
}
