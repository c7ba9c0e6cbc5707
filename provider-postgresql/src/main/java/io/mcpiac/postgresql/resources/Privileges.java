package io.mcpiac.postgresql.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.kit.Props;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The privileges each kind of object has, in the words {@code aclexplode} uses, and their one
 * canonical form: upper case, {@code ALL} spelled out, {@code TEMP} as {@code TEMPORARY}, sorted.
 * So {@code [all]} and the seven table privileges are the same plan, and a plan never differs on
 * spelling, only on privileges.
 */
final class Privileges {
  static final Map<String, List<String>> BY_OBJECT_TYPE =
      Map.of(
          "database", List.of("CONNECT", "CREATE", "TEMPORARY"),
          "schema", List.of("CREATE", "USAGE"),
          "table",
              List.of("DELETE", "INSERT", "REFERENCES", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE"),
          "sequence", List.of("SELECT", "UPDATE", "USAGE"),
          "function", List.of("EXECUTE"),
          "type", List.of("USAGE"));

  private Privileges() {}

  /** The canonical list; unknown words are kept (validation names them). */
  static List<String> canonical(String objectType, Collection<String> written) {
    Set<String> out = new TreeSet<>();
    for (String w : written) {
      String p = w.trim().toUpperCase(Locale.ROOT);
      if ((p.equals("ALL") || p.equals("ALL PRIVILEGES"))
          && BY_OBJECT_TYPE.containsKey(objectType)) {
        out.addAll(BY_OBJECT_TYPE.get(objectType));
      } else {
        out.add(p.equals("TEMP") ? "TEMPORARY" : p);
      }
    }
    return new ArrayList<>(out);
  }

  /** {@code properties} with {@code privileges} canonical, when type and list are known. */
  static ObjectNode canonical(ObjectNode properties) {
    if (!Props.known(properties, "objectType") || !Props.known(properties, "privileges")) {
      return properties;
    }
    ObjectNode out = properties.deepCopy();
    out.set(
        "privileges",
        Live.array(
            canonical(Props.text(properties, "objectType"), Props.list(properties, "privileges"))));
    return out;
  }

  /** A message naming privileges the object type does not have, or null. */
  static String problem(ObjectNode properties) {
    if (!Props.known(properties, "objectType") || !Props.known(properties, "privileges")) {
      return null;
    }
    String type = Props.text(properties, "objectType");
    List<String> allowed = BY_OBJECT_TYPE.getOrDefault(type, List.of());
    List<String> wrong =
        canonical(type, Props.list(properties, "privileges")).stream()
            .filter(p -> !allowed.contains(p))
            .toList();
    return wrong.isEmpty()
        ? null
        : "a "
            + type
            + " has no privilege "
            + String.join(", ", wrong)
            + " (it has: "
            + String.join(", ", allowed)
            + ", ALL)";
  }

  /**
   * What a read reports, so that the plan shows exactly the privileges that differ: a recorded
   * privilege while every object has it, and an unrecorded one as soon as any object has it.
   */
  static List<String> reported(Collection<String> recorded, Collection<Set<String>> perObject) {
    Set<String> out = new TreeSet<>();
    for (String p : recorded) {
      if (perObject.stream().allMatch(s -> s.contains(p))) {
        out.add(p);
      }
    }
    for (Set<String> s : perObject) {
      for (String p : s) {
        if (!recorded.contains(p)) {
          out.add(p);
        }
      }
    }
    return new ArrayList<>(out);
  }
}
