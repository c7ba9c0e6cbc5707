package io.mcpiac.engine.config;

/**
 * A {@code ${...}} reference: {@code ${name.attr}} or the seed's qualified {@code
 * ${type:name.attr}} (e.g. {@code ${aws:ec2:app-1.ip}}, where the qualifier may be a type prefix
 * such as {@code aws:ec2}). {@code attribute} may be a dotted path into an output or property
 * ({@code output.items.0}).
 *
 * <p>Some references name no resource of the deployment; they are resolved from outside it, only
 * when a value is needed ({@link #isExternal()}): {@code ${secret.env:NAME}}, {@code
 * ${secret.file:PATH}}, a sensitive variable {@code ${var.x}} (other variables are substituted when
 * the file is loaded) and another deployment's output {@code ${deployment:NAME.outputs.x}}.
 *
 * @param type the qualifier, or null for the short form; {@code secret.env}/{@code secret.file} for
 *     a secret, whose {@code name} is the variable's name or the file's path
 * @param text the reference as written, with {@code ${}}
 */
public record Reference(String type, String name, String attribute, String text) {
  public static final String SECRET_ENV = "secret.env";
  public static final String SECRET_FILE = "secret.file";
  public static final String DEPLOYMENT = "deployment";
  public static final String VARIABLE = "var";

  /** The first segment of the attribute path: the output or property name. */
  public String attributeRoot() {
    int dot = attribute.indexOf('.');
    return dot < 0 ? attribute : attribute.substring(0, dot);
  }

  /** {@code ${secret.env:NAME}} or {@code ${secret.file:PATH}}. */
  public boolean isSecret() {
    return SECRET_ENV.equals(type) || SECRET_FILE.equals(type);
  }

  /** {@code ${var.x}}: left in a loaded deployment only for sensitive variables. */
  public boolean isVariable() {
    return type == null && VARIABLE.equals(name);
  }

  /** {@code ${deployment:NAME.outputs.x}}: another deployment's output, from state. */
  public boolean isDeploymentOutput() {
    return DEPLOYMENT.equals(type);
  }

  /** Resolved from outside the deployment: never an edge between its resources. */
  public boolean isExternal() {
    return isSecret() || isVariable() || isDeploymentOutput();
  }

  /** Whether the qualifier, if any, names {@code resourceType} or a prefix of it. */
  public boolean qualifierMatches(String resourceType) {
    return type == null || type.equals(resourceType) || resourceType.startsWith(type + ":");
  }
}
