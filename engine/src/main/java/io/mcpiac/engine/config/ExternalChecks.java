package io.mcpiac.engine.config;

import java.util.regex.Pattern;

/**
 * Validation of the references that name nothing in the deployment: secrets, sensitive variables,
 * other deployments' outputs, and {@code each}/{@code params} written where there is nothing to
 * expand them from. Values are not read here: a secret is read only when a provider needs it.
 */
final class ExternalChecks {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Deployment deployment;
  private final Findings findings;

  ExternalChecks(Deployment deployment, Findings findings) {
    this.deployment = deployment;
    this.findings = findings;
  }

  /** {@code ${each.…}} and {@code ${params.…}} are replaced while a file is expanded. */
  static boolean isExpansionOnly(Reference ref) {
    return ref.type() == null && (ref.name().equals("each") || ref.name().equals("params"));
  }

  void check(int index, String path, Reference ref) {
    if (ref.type() != null && ref.type().equals(Reference.SECRET_ENV)) {
      if (!ENV_NAME.matcher(ref.name()).matches()) {
        report(index, path, "'" + ref.name() + "' is not an environment variable name");
      }
    } else if (ref.isVariable()) {
      if (!deployment.sensitiveValues().containsKey(ref.attribute())) {
        report(
            index,
            path,
            "'"
                + ref.text()
                + "': the deployment declares no variable '"
                + ref.attribute()
                + "' (add it under spec.variables)");
      }
    } else if (ref.isDeploymentOutput()) {
      if (!ref.attributeRoot().equals("outputs") || !ref.attribute().contains(".")) {
        report(
            index,
            path,
            "'"
                + ref.text()
                + "': write ${deployment:NAME.outputs.OUTPUT} for another deployment's"
                + " output");
      } else if (ref.name().equals(deployment.name())) {
        report(
            index,
            path,
            "'" + ref.text() + "' names this deployment; refer to its resources directly");
      } else {
        Names.deploymentNameProblem(ref.name()).ifPresent(p -> report(index, path, p));
      }
    }
  }

  void checkExpansionOnly(int index, String path, Reference ref) {
    report(
        index,
        path,
        "'"
            + ref.text()
            + "' is only available "
            + (ref.name().equals("each")
                ? "in a resource with forEach"
                : "inside a template (kind: Template)"));
  }

  private void report(int index, String path, String message) {
    findings.resource(index, DiagnosticCodes.INVALID_REFERENCE, path, message);
  }
}
