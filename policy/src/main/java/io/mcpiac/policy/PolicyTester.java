package io.mcpiac.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code policy test}: runs a policy's own examples, as conftest users expect. A rule's {@code
 * examples.pass} must not violate it and its {@code examples.fail} must; a policy's {@code
 * examples.pass} must violate none of its rules, its {@code examples.fail} at least one. An example
 * is a resource ({@code {type, name, properties}}) or, for {@code scope: deployment}, a deployment
 * ({@code {name, resources: [...]}}).
 */
public final class PolicyTester {
  private PolicyTester() {}

  /** One example's outcome. */
  public record Case(
      String policy, String rule, boolean expectPass, int index, boolean ok, String detail) {
    public String text() {
      return (ok ? "PASS " : "FAIL ")
          + policy
          + (rule == null ? "" : "/" + rule)
          + " "
          + (expectPass ? "pass" : "fail")
          + "["
          + index
          + "]"
          + (ok ? "" : ": " + detail);
    }
  }

  public static List<Case> run(List<Policy> policies) {
    List<Case> out = new ArrayList<>();
    for (Policy p : policies) {
      Policy active = Policy.DISABLED.equals(p.enforcement()) ? p.enforcedAs("advisory") : p;
      for (Rule r : active.rules()) {
        Policy one =
            new Policy(
                active.name(),
                active.description(),
                active.enforcement(),
                active.deploymentScope(),
                active.types(),
                active.filter(),
                List.of(r),
                List.of(),
                List.of(),
                active.file(),
                active.line(),
                active.pack());
        examples(one, r.id(), r.passing(), true, out);
        examples(one, r.id(), r.failing(), false, out);
      }
      examples(active, null, active.passing(), true, out);
      examples(active, null, active.failing(), false, out);
    }
    return out;
  }

  private static void examples(
      Policy p, String rule, List<JsonNode> examples, boolean expectPass, List<Case> out) {
    for (int i = 0; i < examples.size(); i++) {
      List<Finding> found = evaluate(p, examples.get(i));
      List<Finding> failed = found.stream().filter(f -> f.status() == Finding.Status.FAIL).toList();
      boolean ok = expectPass == failed.isEmpty();
      String detail =
          expectPass
              ? "expected no violation, got: "
                  + String.join("; ", failed.stream().map(Finding::message).toList())
              : "expected a violation, the example passes";
      out.add(new Case(p.name(), rule, expectPass, i, ok, detail));
    }
  }

  static List<Finding> evaluate(Policy p, JsonNode example) {
    List<Subject> subjects = new ArrayList<>();
    String deploymentName = "example";
    if (p.deploymentScope()) {
      deploymentName = example.path("name").asText("example");
      example.path("resources").forEach(r -> subjects.add(subject(r)));
    } else {
      subjects.add(subject(example));
    }
    return Evaluator.evaluate(List.of(p), subjects, deploymentName, false);
  }

  /** An example resource: {@code {type, name, provider?, properties, policyExceptions?}}. */
  public static Subject subject(JsonNode r) {
    List<Subject.Exemption> exemptions = new ArrayList<>();
    r.path("policyExceptions")
        .forEach(
            e ->
                exemptions.add(
                    new Subject.Exemption(e.path("rule").asText(), e.path("reason").asText())));
    List<String> deps = new ArrayList<>();
    r.path("dependsOn").forEach(d -> deps.add(d.asText()));
    String type = r.path("type").asText("");
    return Subject.of(
        type,
        r.path("name").asText("example"),
        r.path("provider").asText(type.contains(":") ? type.substring(0, type.indexOf(':')) : ""),
        r.path("properties"),
        null,
        0,
        Map.of(),
        exemptions,
        deps,
        r.path("action").asText(null));
  }
}
