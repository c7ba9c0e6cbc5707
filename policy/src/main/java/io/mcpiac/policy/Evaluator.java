package io.mcpiac.policy;

import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs policies over resources: one {@link Finding} per rule and resource it applies to. */
public final class Evaluator {
  private Evaluator() {}

  /**
   * @param deploymentName what {@code deployment.name} is for deployment-wide rules
   * @param withNotApplicable also a {@code NOT_APPLICABLE} finding for each rule nothing matched
   *     (the compliance report lists every control)
   */
  public static List<Finding> evaluate(
      List<Policy> policies,
      List<Subject> subjects,
      String deploymentName,
      boolean withNotApplicable) {
    List<Finding> out = new ArrayList<>();
    for (Policy p : policies) {
      if (Policy.DISABLED.equals(p.enforcement())) {
        continue;
      }
      if (p.deploymentScope()) {
        Map<String, Object> deployment = deployment(deploymentName, subjects);
        for (Rule r : p.rules()) {
          out.add(check(p, r, null, Map.of("deployment", deployment, "resource", Map.of())));
        }
        continue;
      }
      List<Subject> matching = new ArrayList<>();
      for (Subject s : subjects) {
        if (p.matchesType(s.type()) && passesFilter(p, s)) {
          matching.add(s);
        }
      }
      for (Rule r : p.rules()) {
        if (matching.isEmpty() && withNotApplicable) {
          out.add(new Finding(p, r, null, Finding.Status.NOT_APPLICABLE, null));
        }
        for (Subject s : matching) {
          out.add(check(p, r, s, Map.of("resource", s.asCel(), "deployment", Map.of())));
        }
      }
    }
    return out;
  }

  /** One rule on one resource (null for a deployment-wide rule). */
  static Finding check(Policy p, Rule r, Subject s, Map<String, Object> vars) {
    if (s != null) {
      for (Subject.Exemption e : s.exemptions()) {
        if (e.covers(p, r)) {
          return new Finding(p, r, s, Finding.Status.EXEMPT, e.reason());
        }
      }
    }
    boolean readsUnknown =
        s != null && r.condition().properties().stream().anyMatch(s.unknown()::contains);
    Object result;
    try {
      result = r.condition().eval(vars);
    } catch (CelEvaluationException | RuntimeException e) {
      if (readsUnknown) {
        return new Finding(p, r, s, Finding.Status.DEFERRED, null);
      }
      return new Finding(
          p,
          r,
          s,
          Finding.Status.FAIL,
          r.message()
              + " (the condition could not be evaluated: "
              + firstLine(e.getMessage())
              + "; guard optional properties with has())");
    }
    if (Boolean.TRUE.equals(result)) {
      return new Finding(p, r, s, Finding.Status.PASS, null);
    }
    if (readsUnknown) {
      return new Finding(p, r, s, Finding.Status.DEFERRED, null);
    }
    return new Finding(p, r, s, Finding.Status.FAIL, message(r, vars));
  }

  private static String message(Rule r, Map<String, Object> vars) {
    if (r.messageExpression() != null) {
      try {
        return String.valueOf(r.messageExpression().eval(vars));
      } catch (CelEvaluationException | RuntimeException e) {
        return r.message();
      }
    }
    return r.message();
  }

  private static boolean passesFilter(Policy p, Subject s) {
    if (p.filter() == null) {
      return true;
    }
    try {
      return Boolean.TRUE.equals(p.filter().eval(Map.of("resource", s.asCel())));
    } catch (CelEvaluationException | RuntimeException e) {
      return false; // a filter reading a property the resource lacks does not select it
    }
  }

  private static Map<String, Object> deployment(String name, List<Subject> subjects) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", name == null ? "" : name);
    d.put("resources", subjects.stream().map(Subject::asCel).toList());
    return d;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
