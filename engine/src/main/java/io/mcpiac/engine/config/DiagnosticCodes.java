package io.mcpiac.engine.config;

/**
 * The stable {@link Diagnostic#code()}s. Tools and tests match on these; the messages may change,
 * the codes do not.
 */
public final class DiagnosticCodes {
  /** The file is not valid YAML (or JSON); the message names the problem and its line. */
  public static final String YAML_SYNTAX = "yaml-syntax";

  /** The file cannot be read. */
  public static final String UNREADABLE_FILE = "unreadable-file";

  /** A mapping has the same key twice. */
  public static final String DUPLICATE_KEY = "duplicate-key";

  /** A value has the wrong shape: a list where a mapping belongs, a mapping for a name. */
  public static final String INVALID_VALUE = "invalid-value";

  /** A key the format does not have, e.g. {@code dependOn}; the message suggests the closest. */
  public static final String UNKNOWN_KEY = "unknown-key";

  public static final String MISSING_API_VERSION = "missing-api-version";
  public static final String UNKNOWN_API_VERSION = "unknown-api-version";
  public static final String MISSING_KIND = "missing-kind";
  public static final String UNKNOWN_KIND = "unknown-kind";
  public static final String MISSING_DEPLOYMENT_NAME = "missing-deployment-name";
  public static final String INVALID_DEPLOYMENT_NAME = "invalid-deployment-name";

  public static final String MISSING_TYPE = "missing-type";
  public static final String MISSING_NAME = "missing-name";
  public static final String INVALID_NAME = "invalid-name";
  public static final String DUPLICATE_NAME = "duplicate-name";

  /** No registered provider offers the type; the message suggests the closest known type. */
  public static final String UNKNOWN_TYPE = "unknown-type";

  /** {@code provider:} names an instance that is neither configured nor the default. */
  public static final String UNKNOWN_PROVIDER = "unknown-provider";

  /**
   * {@code spec.providers} holds what looks like a credential ({@code apiSecret}, {@code
   * password}); credentials come from the environment or a file, never from the deployment.
   */
  public static final String SECRET_IN_DEPLOYMENT = "secret-in-deployment";

  /** {@code provider:} names an instance of another provider than the type's prefix. */
  public static final String PROVIDER_MISMATCH = "provider-mismatch";

  /** {@code dependsOn} names a resource the deployment does not have. */
  public static final String UNKNOWN_DEPENDENCY = "unknown-dependency";

  /** A resource refers to, or depends on, itself. */
  public static final String SELF_REFERENCE = "self-reference";

  /** {@code ${x.attr}} where the deployment has no resource {@code x}. */
  public static final String DANGLING_REFERENCE = "dangling-reference";

  /** {@code ${type:x.attr}} where {@code x} has another type. */
  public static final String REFERENCE_TYPE_MISMATCH = "reference-type-mismatch";

  /** {@code ${x.attr}} where {@code attr} is neither a property of x nor an output of its type. */
  public static final String UNKNOWN_ATTRIBUTE = "unknown-attribute";

  /** A {@code ${...}} that is not a reference, e.g. {@code ${a}} or an unclosed {@code ${a.b}. */
  public static final String MALFORMED_REFERENCE = "malformed-reference";

  /** Resources that depend on each other in a circle; the message prints it. */
  public static final String DEPENDENCY_CYCLE = "dependency-cycle";

  /** A property violates the type's JSON Schema. */
  public static final String SCHEMA_VIOLATION = "schema-violation";

  /** The provider's own checks ({@code Provider.validate}) refused a property. */
  public static final String PROVIDER_VALIDATION = "provider-validation";

  /** A secret, variable, {@code each}, {@code params} or other deployment's reference is wrong. */
  public static final String INVALID_REFERENCE = "invalid-reference";

  /** {@code spec.variables}: a required variable has no value, or a value has the wrong type. */
  public static final String INVALID_VARIABLE = "invalid-variable";

  /**
   * {@code --var}, a var file or an MCP argument sets a variable the deployment does not declare.
   */
  public static final String UNUSED_VARIABLE = "unused-variable";

  /** {@code forEach}: not a list or map, a key that is not unique or not usable in a name. */
  public static final String INVALID_FOR_EACH = "invalid-for-each";

  /** {@code type: template:NAME}: no such template, or its parameters are wrong. */
  public static final String INVALID_TEMPLATE = "invalid-template";

  /** {@code ${secret.…}} or another deployment's output cannot be read when it is needed. */
  public static final String UNAVAILABLE_VALUE = "unavailable-value";

  private DiagnosticCodes() {}
}
