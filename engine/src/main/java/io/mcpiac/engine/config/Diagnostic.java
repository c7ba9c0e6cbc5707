package io.mcpiac.engine.config;

/**
 * One problem found in a deployment before anything touches a real system.
 *
 * @param code a stable identifier, e.g. {@code unknown-type}, {@code dangling-reference}
 * @param resource the resource's name, or null for problems of the whole file
 * @param property the property path ({@code properties.port}, {@code dependsOn[1]}), or null
 */
public record Diagnostic(
    String code, SourceLocation location, String resource, String property, String message) {

  /** One line: {@code file:line: resource 'x', property 'y': message}. */
  public String format() {
    StringBuilder out = new StringBuilder(location.toString()).append(": ");
    if (resource != null) {
      out.append("resource '").append(resource).append("'");
      if (property != null) {
        out.append(", property '").append(property).append("'");
      }
      out.append(": ");
    } else if (property != null) {
      out.append(property).append(": ");
    }
    return out.append(message).toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
