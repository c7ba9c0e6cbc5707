package io.mcpiac.policy;

import io.mcpiac.engine.policies.PolicyViolation;

/**
 * What one rule says about one resource (or, for {@code scope: deployment}, the deployment).
 *
 * @param subject null for a deployment-wide rule, or for a rule no resource matched
 * @param message for a failure, the rule's message; for an exemption, its reason
 */
public record Finding(Policy policy, Rule rule, Subject subject, Status status, String message) {
  public enum Status {
    PASS,
    FAIL,
    /** The resource carries a policyExceptions entry for the rule. */
    EXEMPT,
    /** The rule reads a value known only during apply; checked again before the action. */
    DEFERRED,
    /** No resource of the deployment is of a type the rule is about. */
    NOT_APPLICABLE
  }

  public String resource() {
    return subject == null ? null : subject.name();
  }

  /** A failure as a violation, with file, line, resource, property, policy and rule. */
  public PolicyViolation violation() {
    String property = rule.propertyPath();
    return new PolicyViolation(
        policy.name(),
        rule.id(),
        policy.enforcement(),
        rule.severity(),
        subject == null ? policy.file() : subject.file(),
        subject == null ? rule.line() : subject.lineOf(property),
        subject == null ? null : subject.name(),
        subject == null ? null : subject.type(),
        subject == null ? null : property,
        message,
        rule.remediation());
  }
}
