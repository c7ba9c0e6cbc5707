package io.mcpiac.engine.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reusable group of resources ({@code kind: Template}, an entry of {@code spec.templates}, or a
 * built-in one): typed parameters, resources that use {@code ${params.x}} and every reference form,
 * and outputs. A deployment uses it as {@code type: template:NAME}.
 *
 * @param lines the lines of the document it was written in
 * @param resourcesPath where its resources are in that document ({@code spec.resources})
 */
public record Template(
    String name,
    String description,
    Map<String, VariableDeclaration> parameters,
    List<ResourceConfig> resources,
    Map<Integer, ForEachSpec> forEach,
    List<OutputDeclaration> outputs,
    SourceLocation location,
    SourceMap lines,
    String resourcesPath) {

  public static final String TYPE_PREFIX = "template:";

  public Template {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    resources = List.copyOf(resources);
    forEach = Map.copyOf(forEach);
    outputs = List.copyOf(outputs);
  }

  /** The template's name for {@code type: template:NAME}, or null for other types. */
  public static String nameOf(String type) {
    return type != null && type.startsWith(TYPE_PREFIX)
        ? type.substring(TYPE_PREFIX.length())
        : null;
  }
}
