package io.mcpiac.engine.config;

import java.util.List;

/**
 * What the loader made of a document: the deployment (as much of it as could be read), the problems
 * only the document shows (syntax, {@code apiVersion}, {@code kind}, unknown keys, values of the
 * wrong shape), and the line of every value for the validator's messages.
 *
 * @param problems empty when the document is well-formed; {@link DeploymentValidator} adds the
 *     semantic checks
 * @param declarations variables, outputs, templates and {@code forEach} as written; after {@link
 *     DeploymentExpansion}, also which template instance made each resource
 */
public record LoadedDeployment(
    Deployment deployment,
    List<Diagnostic> problems,
    SourceMap sourceMap,
    Declarations declarations) {

  public LoadedDeployment {
    problems = List.copyOf(problems);
    declarations = declarations == null ? Declarations.NONE : declarations;
  }

  public LoadedDeployment(Deployment deployment, List<Diagnostic> problems, SourceMap sourceMap) {
    this(deployment, problems, sourceMap, Declarations.NONE);
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

  /** Whether the document is a {@code kind: Template}. */
  public boolean isTemplate() {
    return !Deployment.KIND.equals(declarations.kind()) && !isPolicy();
  }

  /** Whether the document is a {@code kind: Policy} (read by the policy engine, not here). */
  public boolean isPolicy() {
    return DocumentReader.POLICY_KIND.equals(declarations.kind());
  }
}
