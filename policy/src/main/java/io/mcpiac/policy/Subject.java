package io.mcpiac.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A resource as a rule sees it: {@code type}, {@code name}, {@code provider} and {@code properties}
 * as plain values (CEL's maps, lists, int, double, string, bool), with where it is written and
 * which properties are not known yet (outputs of resources not yet created, secrets resolved only
 * by the provider): those are left out, and a rule that reads one is checked again once they are
 * known.
 *
 * @param exemptions the resource's {@code policyExceptions}
 * @param dependencies the names it depends on (references and {@code dependsOn})
 * @param action what the plan does with it ({@code create}, {@code update}, ...), or null
 */
public record Subject(
    String type,
    String name,
    String provider,
    Map<String, Object> properties,
    Set<String> unknown,
    String file,
    int line,
    Map<String, Integer> propertyLines,
    List<Exemption> exemptions,
    List<String> dependencies,
    String action) {

  /** A {@code policyExceptions} entry: the rule ({@code ID} or {@code POLICY/ID}) and why. */
  public record Exemption(String rule, String reason) {
    boolean covers(Policy policy, Rule r) {
      return rule.equals(r.id())
          || rule.equals(policy.name() + "/" + r.id())
          || rule.equals(policy.name());
    }
  }

  public Subject {
    properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    unknown = Set.copyOf(unknown);
    propertyLines = propertyLines == null ? Map.of() : Map.copyOf(propertyLines);
    exemptions = List.copyOf(exemptions);
    dependencies = List.copyOf(dependencies);
  }

  /** From JSON properties; unknown values ({@code ${...}} not yet resolved) are left out. */
  public static Subject of(
      String type,
      String name,
      String provider,
      JsonNode properties,
      String file,
      int line,
      Map<String, Integer> propertyLines,
      List<Exemption> exemptions,
      List<String> dependencies,
      String action) {
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> unknown = new TreeSet<>();
    if (properties != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (isUnknown(e.getValue())) {
          unknown.add(e.getKey());
        } else if (!e.getValue().isNull()) {
          values.put(e.getKey(), plain(e.getValue()));
        }
      }
    }
    return new Subject(
        type,
        name,
        provider,
        values,
        unknown,
        file,
        line,
        propertyLines,
        exemptions,
        dependencies,
        action);
  }

  /** What {@code resource} is in a rule. */
  Map<String, Object> asCel() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type == null ? "" : type);
    m.put("name", name == null ? "" : name);
    m.put("provider", provider == null ? "" : provider);
    m.put("properties", properties);
    m.put("dependsOn", dependencies);
    if (action != null) {
      m.put("action", action);
    }
    return m;
  }

  int lineOf(String propertyPath) {
    if (propertyPath != null && propertyPath.startsWith("properties.")) {
      String top = propertyPath.substring("properties.".length()).split("[.\\[]")[0];
      Integer l = propertyLines.get(top);
      if (l != null) {
        return l;
      }
    }
    return line;
  }

  private static boolean isUnknown(JsonNode v) {
    if (Values.containsUnknown(v)) {
      return true;
    }
    if (v.isTextual()) {
      String s = v.asText();
      // a reference not resolved yet, or a secret's stand-in: its value is not for policies
      return s.contains("${") || s.startsWith(Values.INTERNAL_MARK);
    }
    for (JsonNode c : v) {
      if (isUnknown(c)) {
        return true;
      }
    }
    return false;
  }

  /** JSON as CEL's Java values: whole numbers are {@code long}, nulls are left out of maps. */
  static Object plain(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isArray()) {
      List<Object> out = new ArrayList<>();
      v.forEach(c -> out.add(c.isNull() ? "" : plain(c)));
      return out;
    }
    if (v.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      v.fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().isNull()) {
                  out.put(e.getKey(), plain(e.getValue()));
                }
              });
      return out;
    }
    return v.asText();
  }
}
