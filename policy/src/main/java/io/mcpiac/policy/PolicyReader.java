package io.mcpiac.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.config.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code kind: Policy} documents (a file of its own, or an entry of a deployment's {@code
 * spec.policies}) and compiles their CEL, reporting every problem at the policy file's line (and,
 * for CEL, column) with the policy and rule it belongs to.
 */
final class PolicyReader {
  static final String KIND = "Policy";
  private static final Set<String> LEVELS = Set.of("mandatory", "advisory", "disabled");
  private static final Set<String> SPEC_KEYS =
      Set.of("description", "enforcement", "scope", "match", "rules", "examples");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "title",
          "control",
          "condition",
          "message",
          "messageExpression",
          "severity",
          "remediation",
          "property",
          "examples");

  private final String file;
  private final YamlPositions positions;
  private final int document;
  private final String pack;
  private final List<Diagnostic> problems;

  private PolicyReader(
      String file, YamlPositions positions, int document, String pack, List<Diagnostic> problems) {
    this.file = file;
    this.positions = positions;
    this.document = document;
    this.pack = pack;
    this.problems = problems;
  }

  /**
   * One policy document at {@code path} ("" for a whole YAML document, {@code spec.policies[0]}
   * inside a deployment); null when it is too broken to use (the problems say why).
   */
  static Policy read(
      JsonNode node,
      String path,
      String file,
      YamlPositions positions,
      int document,
      String pack,
      List<Diagnostic> problems) {
    return new PolicyReader(file, positions, document, pack, problems).policy(node, path);
  }

  private Policy policy(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      problem(path, null, "a policy is a mapping with metadata and spec");
      return null;
    }
    if (node.has("kind") && !KIND.equals(node.path("kind").asText())) {
      problem(child(path, "kind"), null, "expected 'kind: Policy'");
      return null;
    }
    String name = node.path("metadata").path("name").asText(null);
    if (name == null || name.isBlank()) {
      problem(child(path, "metadata.name"), null, "a policy needs metadata.name");
      return null;
    }
    JsonNode spec = node.path("spec");
    String specPath = child(path, "spec");
    if (!spec.isObject()) {
      problem(specPath, name, "a policy needs a spec with rules");
      return null;
    }
    spec.fieldNames()
        .forEachRemaining(
            k -> {
              if (!SPEC_KEYS.contains(k)) {
                problem(child(specPath, k), name, "unknown key '" + k + "'; expected " + SPEC_KEYS);
              }
            });
    String enforcement = spec.path("enforcement").asText("mandatory");
    if (!LEVELS.contains(enforcement)) {
      problem(
          child(specPath, "enforcement"),
          name,
          "'" + enforcement + "' is not an enforcement level; use mandatory, advisory or disabled");
    }
    String scope = spec.path("scope").asText("resource");
    if (!scope.equals("resource") && !scope.equals("deployment")) {
      problem(child(specPath, "scope"), name, "scope is 'resource' or 'deployment'");
    }
    List<String> types = new ArrayList<>();
    spec.path("match").path("types").forEach(t -> types.add(t.asText()));
    Expression filter = null;
    JsonNode filterNode = spec.path("match").path("filter");
    if (filterNode.isTextual()) {
      filter =
          compile(
              filterNode.asText(),
              Expression.Result.BOOL,
              child(specPath, "match.filter"),
              name,
              null);
    }
    List<Rule> rules = new ArrayList<>();
    JsonNode ruleNodes = spec.path("rules");
    if (!ruleNodes.isArray() || ruleNodes.isEmpty()) {
      problem(child(specPath, "rules"), name, "a policy needs at least one rule");
    }
    for (int i = 0; i < ruleNodes.size(); i++) {
      Rule r = rule(ruleNodes.get(i), child(specPath, "rules") + "[" + i + "]", name);
      if (r != null) {
        if (rules.stream().anyMatch(o -> o.id().equals(r.id()))) {
          problem(
              child(specPath, "rules") + "[" + i + "].id",
              name,
              "another rule of this policy is already named '" + r.id() + "'");
        }
        rules.add(r);
      }
    }
    JsonNode examples = spec.path("examples");
    return new Policy(
        name,
        spec.path("description").asText(node.path("metadata").path("description").asText(null)),
        enforcement,
        scope.equals("deployment"),
        types,
        filter,
        rules,
        list(examples.path("pass")),
        list(examples.path("fail")),
        file,
        positions.lineOf(document, path),
        pack);
  }

  private Rule rule(JsonNode node, String path, String policy) {
    if (!node.isObject()) {
      problem(path, policy, "a rule is a mapping with id and condition");
      return null;
    }
    node.fieldNames()
        .forEachRemaining(
            k -> {
              if (!RULE_KEYS.contains(k)) {
                problem(child(path, k), policy, "unknown key '" + k + "'; expected " + RULE_KEYS);
              }
            });
    String id = node.path("id").asText(null);
    if (id == null || id.isBlank()) {
      problem(child(path, "id"), policy, "a rule needs an id");
      return null;
    }
    if (!node.path("condition").isTextual()) {
      problem(child(path, "condition"), policy, "rule '" + id + "' needs a condition (CEL text)");
      return null;
    }
    Expression condition =
        compile(
            node.path("condition").asText(),
            Expression.Result.BOOL,
            child(path, "condition"),
            policy,
            id);
    Expression messageExpression = null;
    if (node.path("messageExpression").isTextual()) {
      messageExpression =
          compile(
              node.path("messageExpression").asText(),
              Expression.Result.STRING,
              child(path, "messageExpression"),
              policy,
              id);
    }
    if (condition == null) {
      return null;
    }
    JsonNode examples = node.path("examples");
    return new Rule(
        id,
        node.path("title").asText(null),
        node.path("control").asText(null),
        condition,
        node.path("message").asText("rule " + id + " is not met"),
        messageExpression,
        node.path("severity").asText("medium"),
        node.path("remediation").asText(null),
        node.path("property").asText(null),
        list(examples.path("pass")),
        list(examples.path("fail")),
        positions.lineOf(document, path));
  }

  private Expression compile(
      String source, Expression.Result result, String path, String policy, String rule) {
    try {
      return Expression.compile(source, result);
    } catch (Expression.CompileError e) {
      int[] at = positions.translate(document, path, e.line, e.column);
      String where = at[0] > 0 ? "line " + at[0] + ", column " + at[1] : "the expression";
      problems.add(
          new Diagnostic(
              "policy-syntax",
              new SourceLocation(file, at[0]),
              null,
              path,
              "policy '"
                  + policy
                  + "'"
                  + (rule == null ? "" : ", rule '" + rule + "'")
                  + ": CEL error at "
                  + where
                  + ": "
                  + e.getMessage()));
      return null;
    }
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(out::add);
    }
    return out;
  }

  private void problem(String path, String policy, String message) {
    problems.add(
        new Diagnostic(
            "policy-invalid",
            new SourceLocation(file, positions.lineOf(document, path)),
            null,
            path.isEmpty() ? null : path,
            (policy == null ? "" : "policy '" + policy + "': ") + message));
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
