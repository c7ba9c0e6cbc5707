package io.mcpiac.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the validator's diagnostics and places each one: the exact line of the path when the
 * document had lines, otherwise the resource's recorded lines.
 */
final class Findings {
  private final Deployment deployment;
  private final SourceMap lines;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  Findings(Deployment deployment, SourceMap lines) {
    this.deployment = deployment;
    this.lines = lines;
  }

  /** A problem of the whole deployment, at a document path such as {@code metadata.name}. */
  void deployment(String code, String path, String message) {
    SourceLocation origin = deployment.location();
    int line = lines.nearestLineOf(path);
    SourceLocation at = line > 0 ? new SourceLocation(origin.file(), line) : origin;
    diagnostics.add(new Diagnostic(code, at, null, path, message));
  }

  /**
   * A problem of resource number {@code index}, at a path relative to it ({@code
   * properties.servers[1]}, {@code dependsOn[0]}), or null for the resource as a whole.
   */
  void resource(int index, String code, String path, String message) {
    ResourceConfig r = deployment.resources().get(index);
    diagnostics.add(new Diagnostic(code, locate(index, r, path), r.name(), path, message));
  }

  List<Diagnostic> list() {
    return diagnostics;
  }

  private SourceLocation locate(int index, ResourceConfig r, String path) {
    SourceLocation base = r.location() == null ? deployment.location() : r.location();
    String documentPath = SourceMap.element("spec.resources", index);
    int line = lines.nearestLineOf(path == null ? documentPath : documentPath + "." + path);
    if (line > 0) {
      return new SourceLocation(base.file(), line);
    }
    if (path != null && path.startsWith("properties.")) {
      String top = path.substring("properties.".length()).split("[.\\[]", 2)[0];
      return r.locationOf(top);
    }
    return base;
  }
}
