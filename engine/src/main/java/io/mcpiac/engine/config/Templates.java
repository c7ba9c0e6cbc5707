package io.mcpiac.engine.config;

/** Turns a loaded {@code kind: Template} document into a {@link Template}. */
final class Templates {
  private Templates() {}

  static Template of(LoadedDeployment doc) {
    Declarations d = doc.declarations();
    return new Template(
        doc.deployment().name(),
        d.description(),
        d.variables(),
        doc.deployment().resources(),
        d.forEach(),
        d.outputs(),
        doc.deployment().location(),
        doc.sourceMap(),
        "spec.resources");
  }
}
