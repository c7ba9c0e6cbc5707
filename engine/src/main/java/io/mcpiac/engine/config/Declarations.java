package io.mcpiac.engine.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a document declares beyond its resources: variables (a template's parameters), outputs,
 * inline templates, each resource's {@code forEach} (by index in {@code spec.resources}), and, once
 * expanded, which template instance each generated resource came from.
 *
 * @param kind {@code Deployment} or {@code Template}
 * @param instances for expanded resources: the template instance that produced each, by name
 * @param moved {@code spec.moved} as written, read with the rest of the document
 */
public record Declarations(
    String kind,
    String description,
    Map<String, VariableDeclaration> variables,
    List<OutputDeclaration> outputs,
    List<Template> templates,
    Map<Integer, ForEachSpec> forEach,
    Map<String, Instance> instances,
    MovedList moved) {

  public static final Declarations NONE =
      new Declarations(
          Deployment.KIND,
          null,
          Map.of(),
          List.of(),
          List.of(),
          Map.of(),
          Map.of(),
          MovedList.NONE);

  public Declarations {
    variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    outputs = List.copyOf(outputs);
    templates = List.copyOf(templates);
    forEach = Map.copyOf(forEach);
    instances = Map.copyOf(instances);
    moved = moved == null ? MovedList.NONE : moved;
  }

  /** A template instance: where {@code type: template:NAME} was written. */
  public record Instance(String name, String template, SourceLocation location) {}

  Declarations ofKind(String kind) {
    return new Declarations(
        kind, description, variables, outputs, templates, forEach, instances, moved);
  }

  Declarations withInstances(Map<String, Instance> instances) {
    return new Declarations(
        kind, description, variables, outputs, templates, forEach, instances, moved);
  }
}
