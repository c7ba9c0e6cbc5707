package io.mcpiac.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A {@code kind: Policy} document, read and compiled.
 *
 * @param enforcement {@code mandatory}, {@code advisory} or {@code disabled}
 * @param deploymentScope true for {@code scope: deployment}: rules see {@code deployment}, once
 * @param types type patterns ({@code opnsense:firewall:*}); empty matches every type
 * @param filter which matching resources the rules apply to; null for all
 * @param pack the built-in pack it came from, or null
 */
public record Policy(
    String name,
    String description,
    String enforcement,
    boolean deploymentScope,
    List<String> types,
    Expression filter,
    List<Rule> rules,
    List<JsonNode> passing,
    List<JsonNode> failing,
    String file,
    int line,
    String pack) {

  public static final String DISABLED = "disabled";

  public Policy {
    types = List.copyOf(types);
    rules = List.copyOf(rules);
    passing = List.copyOf(passing);
    failing = List.copyOf(failing);
  }

  /** Whether {@code type} is one the policy is about: exact, or a pattern with {@code *}. */
  public boolean matchesType(String type) {
    if (types.isEmpty()) {
      return true;
    }
    for (String pattern : types) {
      String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q");
      if (type != null && type.matches(regex)) {
        return true;
      }
    }
    return false;
  }

  /** The filter's CEL text, or null. */
  public String filterText() {
    return filter == null ? null : filter.source();
  }

  /** The same policy enforced as {@code level} (a pack enabled as advisory, say). */
  public Policy enforcedAs(String level) {
    return new Policy(
        name,
        description,
        level,
        deploymentScope,
        types,
        filter,
        rules,
        passing,
        failing,
        file,
        line,
        pack);
  }
}
