package io.mcpiac.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One rule of a policy: a CEL {@code condition} that must hold, and what to tell the user when it
 * does not.
 *
 * @param control the benchmark control it implements ({@code CIS Docker 5.4}), or null
 * @param property the property path a violation names; by default the one property the condition
 *     reads, if it reads exactly one
 * @param passing resources (or deployments) the rule accepts: its own examples
 * @param failing resources (or deployments) the rule rejects
 * @param line where the rule is written
 */
public record Rule(
    String id,
    String title,
    String control,
    Expression condition,
    String message,
    Expression messageExpression,
    String severity,
    String remediation,
    String property,
    List<JsonNode> passing,
    List<JsonNode> failing,
    int line) {

  public Rule {
    passing = List.copyOf(passing);
    failing = List.copyOf(failing);
  }

  /** The property a violation names: given, else the only one the condition reads, else null. */
  public String propertyPath() {
    if (property != null) {
      return property;
    }
    return condition.properties().size() == 1
        ? "properties." + condition.properties().iterator().next()
        : null;
  }

  public String conditionText() {
    return condition.source();
  }
}
