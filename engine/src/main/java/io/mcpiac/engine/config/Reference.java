package io.mcpiac.engine.config;

/**
 * A {@code ${...}} reference: {@code ${name.attr}} or the seed's qualified {@code
 * ${type:name.attr}} (e.g. {@code ${aws:ec2:app-1.ip}}). {@code attribute} may be a dotted path
 * into an output or property ({@code output.items.0}).
 *
 * @param type the qualified type, or null for the short form
 * @param text the reference as written, with {@code ${}}
 */
public record Reference(String type, String name, String attribute, String text) {

  /** The first segment of the attribute path: the output or property name. */
  public String attributeRoot() {
    int dot = attribute.indexOf('.');
    return dot < 0 ? attribute : attribute.substring(0, dot);
  }
}
