package io.mcpiac.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.config.ResourceConfig;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanWarning;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.policies.PolicyHook;
import io.mcpiac.engine.policies.PolicyViolation;
import io.mcpiac.engine.policies.PolicyViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policies of one deployment at work: on the configuration ({@code validate}), on each plan
 * (advisory findings and exceptions become plan warnings; mandatory violations stop the plan), and
 * before an action whose values were unknown at plan time.
 */
public final class DeploymentPolicies implements PolicyHook {
  private final PolicySet set;
  private volatile List<Finding> lastReview = List.of();

  public DeploymentPolicies(PolicySet set) {
    this.set = set;
  }

  public PolicySet set() {
    return set;
  }

  /** What the last {@link #review} found (for a plan's JSON and the MCP answer). */
  public List<Finding> lastReview() {
    return lastReview;
  }

  /** The rules on the configuration as written: references not yet resolved are unknown. */
  public List<Finding> onConfiguration(Deployment d) {
    List<Subject> subjects = new ArrayList<>();
    for (ResourceConfig r : d.resources()) {
      if (ownRecord(r.name())) {
        continue;
      }
      subjects.add(subject(r, r.properties(), r.dependsOn(), null));
    }
    return Evaluator.evaluate(set.policies(), subjects, d.name(), false);
  }

  /** The findings on every resource a plan keeps (all but deletions), with resolved values. */
  public List<Finding> onPlan(Plan plan) {
    List<Subject> subjects = new ArrayList<>();
    Deployment d = plan.deployment();
    for (PlannedAction a : plan.actions()) {
      if (a.action() == ActionType.DELETE || a.properties() == null || ownRecord(a.name())) {
        continue;
      }
      ResourceConfig r = d == null ? null : d.resource(a.name()).orElse(null);
      if (r != null && r.type().equals(io.mcpiac.engine.config.Outputs.TYPE)) {
        continue;
      }
      subjects.add(subjectOf(a, r, a.properties()));
    }
    return Evaluator.evaluate(
        set.policies(), subjects, d == null ? plan.deploymentName() : d.name(), false);
  }

  @Override
  public Plan review(Plan plan) {
    List<Finding> found = onPlan(plan);
    lastReview = found;
    List<PolicyViolation> violations = violations(found);
    if (violations.stream().anyMatch(PolicyViolation::mandatory)) {
      throw new PolicyViolationException(violations);
    }
    List<PlanWarning> warnings = new ArrayList<>();
    for (Finding f : found) {
      switch (f.status()) {
        case FAIL ->
            warnings.add(
                PlanWarning.policy(
                    f.resource(),
                    f.rule().propertyPath(),
                    "advisory: "
                        + f.message()
                        + " ["
                        + f.policy().name()
                        + "/"
                        + f.rule().id()
                        + "]"
                        + (f.rule().remediation() == null
                            ? ""
                            : " (fix: " + f.rule().remediation() + ")")));
        case EXEMPT ->
            warnings.add(
                PlanWarning.policy(
                    f.resource(),
                    null,
                    "exception to "
                        + f.policy().name()
                        + "/"
                        + f.rule().id()
                        + ": "
                        + f.message()
                        + " (recorded in state with the apply)"));
        case DEFERRED ->
            warnings.add(
                PlanWarning.policy(
                    f.resource(),
                    f.rule().propertyPath(),
                    f.policy().name()
                        + "/"
                        + f.rule().id()
                        + " reads a value known only after apply; checked again before the"
                        + " action"));
        default -> {}
      }
    }
    return warnings.isEmpty() ? plan : plan.withWarningsFirst(warnings);
  }

  @Override
  public List<PolicyViolation> beforeAction(PlannedAction action, ObjectNode resolved) {
    Subject s = subjectOf(action, null, resolved);
    List<Policy> resourceScoped =
        set.policies().stream().filter(p -> !p.deploymentScope()).toList();
    return violations(Evaluator.evaluate(resourceScoped, List.of(s), null, false)).stream()
        .filter(PolicyViolation::mandatory)
        .toList();
  }

  /** The record of the exceptions themselves is not judged by the policies. */
  private static boolean ownRecord(String name) {
    return ExceptionRecord.NAME.equals(name);
  }

  public static List<PolicyViolation> violations(List<Finding> findings) {
    return findings.stream()
        .filter(f -> f.status() == Finding.Status.FAIL)
        .map(Finding::violation)
        .toList();
  }

  private Subject subjectOf(PlannedAction a, ResourceConfig r, ObjectNode properties) {
    if (r != null) {
      return subject(r, properties, a.dependencies(), a.action().name().toLowerCase());
    }
    return Subject.of(
        a.type(),
        a.name(),
        a.provider(),
        properties,
        null,
        0,
        Map.of(),
        exemptionsOf(a.name()),
        a.dependencies(),
        a.action().name().toLowerCase());
  }

  private Subject subject(
      ResourceConfig r, ObjectNode properties, List<String> dependencies, String action) {
    return Subject.of(
        r.type(),
        r.name(),
        r.providerInstance(),
        properties,
        r.location().file(),
        r.location().line(),
        r.propertyLines(),
        exemptionsOf(r.name()),
        dependencies,
        action);
  }

  /** A resource's exceptions; a {@code forEach} copy ({@code web[a]}) has those of {@code web}. */
  private List<Subject.Exemption> exemptionsOf(String name) {
    List<Subject.Exemption> e = set.exemptions().get(name);
    if (e == null && name != null && name.contains("[")) {
      e = set.exemptions().get(name.substring(0, name.indexOf('[')));
    }
    return e == null ? List.of() : e;
  }
}
