package io.mcpiac.engine.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** The naming rules of deployments and resources. */
public final class Names {
  /** Deployment names become file names and state keys: a DNS label. */
  public static final int MAX_DEPLOYMENT_NAME = 63;

  /** Resource names are whatever {@code ${name.attr}} can refer to. */
  public static final int MAX_RESOURCE_NAME = 128;

  private static final Pattern DEPLOYMENT = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  // what expansion makes of plain names: forEach instances (vlan[guest]) and template instances'
  // resources (web.backend), nested (site.web.vlan[a])
  private static final Pattern RESOURCE =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9_-]*(?:\\[[A-Za-z0-9_.:/@-]{1,64}])?"
              + "(?:\\.[A-Za-z0-9][A-Za-z0-9_-]*(?:\\[[A-Za-z0-9_.:/@-]{1,64}])?)*");

  private Names() {}

  public static boolean isValidDeploymentName(String name) {
    return deploymentNameProblem(name).isEmpty();
  }

  /** Letters, digits, '-' and '_': variable, output and template parameter names. */
  public static boolean isPlainName(String name) {
    return PLAIN.matcher(name).matches();
  }

  public static boolean isValidResourceName(String name) {
    return resourceNameProblem(name).isEmpty();
  }

  /** Why the name is not a valid deployment name, if it is not. */
  public static Optional<String> deploymentNameProblem(String name) {
    if (!DEPLOYMENT.matcher(name).matches()) {
      return Optional.of(
          "'"
              + name
              + "' is not a valid deployment name: use lower-case letters, digits and '-',"
              + " starting with a letter or digit");
    }
    if (name.length() > MAX_DEPLOYMENT_NAME) {
      return Optional.of(
          "the deployment name is "
              + name.length()
              + " characters long; at most "
              + MAX_DEPLOYMENT_NAME
              + " are allowed");
    }
    return Optional.empty();
  }

  /** Names references use for other things: {@code ${var.x}}, {@code ${each.key}}, … */
  private static final java.util.Set<String> RESERVED =
      java.util.Set.of("var", "each", "params", "secret");

  /** Why the name is not a valid resource name, if it is not. */
  public static Optional<String> resourceNameProblem(String name) {
    if (RESERVED.contains(name)) {
      return Optional.of(
          "'" + name + "' is reserved for references (${" + name + ".…}); choose another name");
    }
    if (!RESOURCE.matcher(name).matches()) {
      return Optional.of(
          "'"
              + name
              + "' is not a valid resource name: use letters, digits, '-' and '_', starting with"
              + " a letter or digit");
    }
    if (name.length() > MAX_RESOURCE_NAME) {
      return Optional.of(
          "the resource name is "
              + name.length()
              + " characters long; at most "
              + MAX_RESOURCE_NAME
              + " are allowed");
    }
    return Optional.empty();
  }

  // a provider, or a provider and an instance: opnsense, opnsense/branch-2
  private static final Pattern INSTANCE =
      Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9_-]*)?");

  /**
   * Why {@code instance} is not a provider instance name, if it is not. The name becomes part of
   * environment variable names and may become part of paths, so only letters, digits, '-' and '_'
   * are allowed ({@code opnsense/../../x} is refused).
   */
  public static Optional<String> instanceNameProblem(String instance) {
    if (instance != null
        && instance.length() <= MAX_DEPLOYMENT_NAME
        && INSTANCE.matcher(instance).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        "'"
            + (instance == null ? "" : instance.replaceAll("\\p{Cntrl}", "?"))
            + "' is not a provider instance name: a provider ('opnsense') or a provider, '/' and"
            + " an instance name of lowercase letters, digits, '-' and '_' ('opnsense/branch-2'),"
            + " at most "
            + MAX_DEPLOYMENT_NAME
            + " characters");
  }
}
