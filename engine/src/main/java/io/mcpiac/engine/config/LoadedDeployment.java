package io.mcpiac.engine.config;

import java.util.List;

/**
 * What the loader made of a document: the deployment (as much of it as could be read), the problems
 * only the document shows (syntax, {@code apiVersion}, {@code kind}, unknown keys, values of the
 * wrong shape), and the line of every value for the validator's messages.
 *
 * @param problems empty when the document is well-formed; {@link DeploymentValidator} adds the
 *     semantic checks
 */
public record LoadedDeployment(
    Deployment deployment, List<Diagnostic> problems, SourceMap sourceMap) {

  public LoadedDeployment {
    problems = List.copyOf(problems);
  }

  /**
   * True when the text is no deployment at all (unreadable, not YAML, empty, not a mapping): then
   * nothing else is worth reporting.
   */
  public boolean unparsable() {
    return problems.stream()
        .anyMatch(
            d ->
                d.code().equals(DiagnosticCodes.YAML_SYNTAX)
                    || d.code().equals(DiagnosticCodes.UNREADABLE_FILE)
                    || (d.code().equals(DiagnosticCodes.INVALID_VALUE) && d.property() == null));
  }
}
