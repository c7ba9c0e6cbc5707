package io.mcpiac.engine.config;

import io.mcpiac.engine.providers.ProviderRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds every problem of a deployment at once, before anything touches a real system: the document
 * (from the loader), names, types, provider instances, dependencies, references, cycles, JSON
 * Schema and the providers' own checks. Each {@link Diagnostic} names the file, line, resource and
 * property path, with a stable {@link DiagnosticCodes code}.
 */
public final class DeploymentValidator {
  private static final Comparator<Diagnostic> BY_LINE =
      Comparator.comparingInt(d -> d.location().line());

  private DeploymentValidator() {}

  /** A deployment from the Java builder or another model source; empty when valid. */
  public static List<Diagnostic> validate(Deployment deployment, ProviderRegistry registry) {
    return validate(deployment, SourceMap.EMPTY, registry);
  }

  /** A loaded file: its document problems and everything else, with exact lines; empty if valid. */
  public static List<Diagnostic> validate(LoadedDeployment loaded, ProviderRegistry registry) {
    if (loaded.unparsable()) {
      return loaded.problems();
    }
    List<Diagnostic> all = new ArrayList<>(loaded.problems());
    for (Diagnostic d : validate(loaded.deployment(), loaded.sourceMap(), registry)) {
      if (!hiddenBy(d, loaded.problems())) {
        all.add(withInstance(d, loaded.declarations()));
      }
    }
    all.sort(BY_LINE);
    return all;
  }

  /**
   * A problem inside a template's resource names both lines: the template's (where the resource is
   * written) and the instance's (where {@code type: template:NAME} is).
   */
  private static Diagnostic withInstance(Diagnostic d, Declarations declarations) {
    Declarations.Instance instance =
        d.resource() == null ? null : declarations.instances().get(d.resource());
    if (instance == null) {
      return d;
    }
    return new Diagnostic(
        d.code(),
        d.location(),
        d.resource(),
        d.property(),
        d.message()
            + " (in template '"
            + instance.template()
            + "', used by '"
            + instance.name()
            + "' at "
            + instance.location()
            + ")");
  }

  /**
   * The deployment, when it has no problem.
   *
   * @throws ConfigException with every problem otherwise
   */
  public static Deployment requireValid(LoadedDeployment loaded, ProviderRegistry registry) {
    return orThrow(loaded.deployment(), validate(loaded, registry));
  }

  /**
   * The deployment, when it has no problem.
   *
   * @throws ConfigException with every problem otherwise
   */
  public static Deployment requireValid(Deployment deployment, ProviderRegistry registry) {
    return orThrow(deployment, validate(deployment, registry));
  }

  private static List<Diagnostic> validate(
      Deployment deployment, SourceMap lines, ProviderRegistry registry) {
    List<Diagnostic> found = new DeploymentChecks(deployment, lines, registry).run();
    found.sort(BY_LINE);
    return found;
  }

  private static Deployment orThrow(Deployment deployment, List<Diagnostic> problems) {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return deployment;
  }

  /**
   * A value of the wrong shape was read as empty; what the validator then says about it or its
   * contents (a missing name, a missing required property) would only repeat the loader.
   */
  private static boolean hiddenBy(Diagnostic d, List<Diagnostic> loaderProblems) {
    for (Diagnostic p : loaderProblems) {
      if (p.code().equals(DiagnosticCodes.INVALID_VALUE)
          && p.property() != null
          && d.property() != null
          && Objects.equals(p.resource(), d.resource())
          && (d.property().equals(p.property()) || d.property().startsWith(p.property() + "."))) {
        return true;
      }
    }
    return false;
  }
}
