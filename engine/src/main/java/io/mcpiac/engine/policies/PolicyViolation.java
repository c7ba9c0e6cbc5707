package io.mcpiac.engine.policies;

/**
 * One rule of one policy that a resource (or the whole deployment) does not meet, said the way a
 * validation error is said: where (file, line, resource, property path), which rule, why, and how
 * to fix it, so that a person or an assistant can correct the configuration without guessing.
 *
 * @param enforcement {@code mandatory} (stops the plan) or {@code advisory} (a warning)
 * @param file the deployment file that declares the resource; null for a deployment-wide rule
 * @param line the resource's (or property's) line there, 0 when unknown
 * @param resource the resource's name, null for a deployment-wide rule
 * @param property the property path the rule is about ({@code properties.log}), null when the rule
 *     is about the whole resource
 */
public record PolicyViolation(
    String policy,
    String rule,
    String enforcement,
    String severity,
    String file,
    int line,
    String resource,
    String type,
    String property,
    String message,
    String remediation) {

  public static final String MANDATORY = "mandatory";
  public static final String ADVISORY = "advisory";

  public boolean mandatory() {
    return MANDATORY.equals(enforcement);
  }

  /** One line: {@code file:line: resource 'x' property: message [policy/rule] (fix: ...)}. */
  public String text() {
    StringBuilder b = new StringBuilder();
    if (file != null) {
      b.append(file);
      if (line > 0) {
        b.append(':').append(line);
      }
      b.append(": ");
    }
    if (resource != null) {
      b.append("resource '").append(resource).append("'");
      if (property != null) {
        b.append(" ").append(property);
      }
      b.append(": ");
    } else {
      b.append("deployment: ");
    }
    b.append(message).append(" [").append(policy).append('/').append(rule);
    if (severity != null) {
      b.append(", ").append(severity);
    }
    b.append(']');
    if (remediation != null && !remediation.isBlank()) {
      b.append(" (fix: ").append(remediation).append(')');
    }
    return b.toString();
  }
}
