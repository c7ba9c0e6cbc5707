package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a deployment as written into plain resources before anything is validated or planned, so
 * the planner and the executor never see the language (ARCHITECTURE.md §3.2): variables are
 * substituted (sensitive ones stay references), {@code forEach} makes one resource per key named
 * {@code NAME[key]}, {@code type: template:NAME} makes the template's resources named {@code
 * INSTANCE.RESOURCE} (templates may use templates), references to instances ({@code
 * ${vlan[*].device}}, {@code ${web.url}} for a template output, {@code ${web.backend.uuid}}) are
 * rewritten to plain ones, and {@code spec.outputs} becomes the {@link Outputs} resource. Every
 * resource keeps the file and lines it was written at.
 */
public final class DeploymentExpansion {
  private static final int MAX_DEPTH = 8;

  /** One resource as expanded, with the document lines it came from. */
  private record Expanded(ResourceConfig config, SourceMap lines, String documentPath) {}

  /** Where resources are being expanded: the deployment, or inside a template instance. */
  private record Scope(
      String prefix,
      Map<String, JsonNode> params,
      Set<String> localNames,
      Declarations.Instance instance,
      int depth) {}

  /** A template instance: its resources' names and its outputs' values. */
  record InstanceInfo(Template template, Set<String> resources, Map<String, JsonNode> outputs) {}

  private final Map<String, Template> templates = new LinkedHashMap<>();
  private final Map<String, JsonNode> variables = new LinkedHashMap<>();
  private final Map<String, JsonNode> sensitiveValues = new LinkedHashMap<>();
  private final List<Diagnostic> problems = new ArrayList<>();
  private final List<Expanded> expanded = new ArrayList<>();
  private final Map<String, InstanceInfo> instances = new LinkedHashMap<>();
  private final Map<String, List<String>> forEachInstances = new LinkedHashMap<>();
  private final Map<String, Declarations.Instance> madeBy = new LinkedHashMap<>();

  private DeploymentExpansion(List<Template> available) {
    available.forEach(t -> templates.put(t.name(), t));
  }

  /**
   * @param templates every template the deployment may use besides its own {@code spec.templates}
   *     (the built-in library, then files of the same directory, later ones winning)
   */
  public static LoadedDeployment expand(
      LoadedDeployment raw, List<Template> templates, VariableInputs inputs) {
    List<Template> all = new ArrayList<>(templates);
    all.addAll(raw.declarations().templates());
    return new DeploymentExpansion(all).run(raw, inputs);
  }

  private LoadedDeployment run(LoadedDeployment raw, VariableInputs inputs) {
    Declarations declared = raw.declarations();
    Variables.Result vars = Variables.resolve(declared.variables(), inputs);
    problems.addAll(vars.problems());
    vars.values()
        .forEach(
            (name, value) -> {
              if (declared.variables().get(name).sensitive()) {
                sensitiveValues.put(name, value);
              } else {
                variables.put(name, value);
              }
            });
    Deployment d = raw.deployment();
    Scope top = new Scope("", null, Set.of(), null, 0);
    expandAll(d.resources(), declared.forEach(), raw.sourceMap(), "spec.resources", top);
    InstanceReferences references = new InstanceReferences(instances, forEachInstances, problems);
    List<ResourceConfig> resources = new ArrayList<>();
    for (Expanded e : expanded) {
      resources.add(references.rewrite(e.config()));
    }
    List<OutputDeclaration> outputs = new ArrayList<>();
    for (OutputDeclaration o : declared.outputs()) {
      JsonNode value = references.finalValue(substitute(o.value(), top, null), o.location(), null);
      outputs.add(
          new OutputDeclaration(o.name(), value, o.description(), o.sensitive(), o.location()));
    }
    SourceMap.Builder lines = new SourceMap.Builder();
    raw.sourceMap().copyExcept("spec.resources", lines);
    for (int i = 0; i < expanded.size(); i++) {
      Expanded e = expanded.get(i);
      e.lines().copyUnder(e.documentPath(), SourceMap.element("spec.resources", i), lines);
    }
    ResourceConfig outputsResource = Outputs.resource(outputs, d.location());
    Map<String, Set<String>> sensitiveProperties = new LinkedHashMap<>();
    if (outputsResource != null) {
      int index = resources.size();
      resources.add(outputsResource);
      String at = SourceMap.element("spec.resources", index);
      lines.put(at, raw.sourceMap().lineOf("spec.outputs"));
      for (OutputDeclaration o : outputs) {
        lines.put(at + ".properties." + o.name(), o.location().line());
      }
      sensitiveProperties.put(Outputs.RESOURCE, Outputs.sensitive(outputs));
    }
    // connection settings may come from variables too (spec.providers.opnsense.url: ${var.fw})
    Map<String, ObjectNode> providers = new LinkedHashMap<>();
    d.providers()
        .forEach(
            (instance, settings) ->
                providers.put(
                    instance, (ObjectNode) substitute(settings, top, raw.deployment().location())));
    Deployment result =
        new Deployment(
            d.name(), providers, resources, d.location(), sensitiveValues, sensitiveProperties);
    List<Diagnostic> all = new ArrayList<>(raw.problems());
    all.addAll(problems);
    return new LoadedDeployment(result, all, lines.build(), declared.withInstances(madeBy));
  }

  private void expandAll(
      List<ResourceConfig> resources,
      Map<Integer, ForEachSpec> forEach,
      SourceMap lines,
      String resourcesPath,
      Scope scope) {
    for (int i = 0; i < resources.size(); i++) {
      ResourceConfig r = resources.get(i);
      String path = SourceMap.element(resourcesPath, i);
      ForEachSpec each = forEach.get(i);
      if (each == null || r.name() == null) {
        expandOne(r, r.name(), null, null, lines, path, scope);
        continue;
      }
      JsonNode value = substitute(each.value(), scope, each.location());
      Map<String, JsonNode> keyed;
      try {
        keyed = ForEachKeys.of(value, each.keyField());
      } catch (ForEachKeys.Problem p) {
        problem(
            DiagnosticCodes.INVALID_FOR_EACH, each.location(), r.name(), "forEach", p.getMessage());
        continue;
      }
      List<String> names = new ArrayList<>();
      keyed.forEach(
          (key, element) -> {
            String name = r.name() + "[" + key + "]";
            names.add(scope.prefix() + name);
            expandOne(r, name, key, element, lines, path, scope);
          });
      forEachInstances.put(scope.prefix() + r.name(), names);
    }
  }

  /** One resource (or one forEach instance of it) in a scope. */
  private void expandOne(
      ResourceConfig r,
      String localName,
      String eachKey,
      JsonNode eachValue,
      SourceMap lines,
      String path,
      Scope scope) {
    ObjectNode props =
        r.properties() == null
            ? Json.object()
            : (ObjectNode)
                // each first: ${app[${each.key}].ip} names a resource once the key is in
                substitute(substituteEach(r.properties(), eachKey, eachValue), scope, r.location());
    String name = localName == null ? null : scope.prefix() + localName;
    List<String> dependsOn = new ArrayList<>();
    for (String dep : r.dependsOn()) {
      dependsOn.add(scope.localNames().contains(dep) ? scope.prefix() + dep : dep);
    }
    if (scope.instance() != null) {
      // resources of an instance wait for what the instance waits for
      dependsOn.addAll(instanceDependsOn(scope));
    }
    ResourceConfig config =
        new ResourceConfig(
            r.type(), name, props, dependsOn, r.provider(), r.location(), r.propertyLines());
    String template = Template.nameOf(r.type());
    if (template != null && name != null) {
      instantiate(config, template, scope);
      return;
    }
    if (name != null && scope.instance() != null) {
      madeBy.put(name, scope.instance());
    }
    expanded.add(new Expanded(config, lines, path));
  }

  private final Map<String, List<String>> instanceDeps = new LinkedHashMap<>();

  private List<String> instanceDependsOn(Scope scope) {
    return instanceDeps.getOrDefault(scope.instance().name(), List.of());
  }

  private void instantiate(ResourceConfig instance, String templateName, Scope scope) {
    Template t = templates.get(templateName);
    if (t == null) {
      problem(
          DiagnosticCodes.INVALID_TEMPLATE,
          instance.location(),
          instance.name(),
          "type",
          "no template '"
              + templateName
              + "'"
              + Suggestions.didYouMean(templateName, templates.keySet())
              + "; templates: "
              + String.join(", ", templates.keySet()));
      return;
    }
    if (scope.depth() >= MAX_DEPTH) {
      problem(
          DiagnosticCodes.INVALID_TEMPLATE,
          instance.location(),
          instance.name(),
          "type",
          "templates are nested more than "
              + MAX_DEPTH
              + " deep (does '"
              + templateName
              + "' use itself?)");
      return;
    }
    Variables.Result params = Variables.parameters(t.parameters(), instance);
    for (Diagnostic p : params.problems()) {
      problem(
          DiagnosticCodes.INVALID_TEMPLATE,
          p.location().line() > 0 ? p.location() : instance.location(),
          instance.name(),
          p.property(),
          p.message() + " (template '" + t.name() + "' at " + t.location() + ")");
    }
    Set<String> local = new LinkedHashSet<>();
    t.resources().forEach(r -> local.add(r.name()));
    Declarations.Instance self =
        new Declarations.Instance(instance.name(), t.name(), instance.location());
    List<String> deps = new ArrayList<>(instance.dependsOn());
    if (scope.instance() != null) {
      deps.addAll(instanceDependsOn(scope));
    }
    instanceDeps.put(instance.name(), deps);
    Scope inner = new Scope(instance.name() + ".", params.values(), local, self, scope.depth() + 1);
    int before = expanded.size();
    expandAll(t.resources(), t.forEach(), t.lines(), t.resourcesPath(), inner);
    // nested instances are flat already: everything expanded since is this instance's
    Set<String> made = new LinkedHashSet<>();
    expanded.subList(before, expanded.size()).forEach(e -> made.add(e.config().name()));
    Map<String, JsonNode> outputs = new LinkedHashMap<>();
    for (OutputDeclaration o : t.outputs()) {
      outputs.put(o.name(), substitute(o.value(), inner, o.location()));
    }
    instances.put(instance.name(), new InstanceInfo(t, made, outputs));
  }

  private void problem(
      String code, SourceLocation where, String resource, String property, String message) {
    problems.add(new Diagnostic(code, where, resource, property, message));
  }

  /** {@code ${var.x}}, {@code ${params.x}} and a template's own resource names. */
  private JsonNode substitute(JsonNode value, Scope scope, SourceLocation where) {
    return References.substitute(
        value,
        ref -> {
          if (ref.type() == null && ref.name().equals(Reference.VARIABLE)) {
            JsonNode v = variables.get(ref.attributeRoot());
            return v == null ? null : deeper(v, ref.attribute());
          }
          if (ref.type() == null && ref.name().equals("params") && scope.params() != null) {
            JsonNode v = scope.params().get(ref.attributeRoot());
            if (v == null) {
              problem(
                  DiagnosticCodes.INVALID_REFERENCE,
                  where == null ? SourceLocation.UNKNOWN : where,
                  null,
                  null,
                  "'"
                      + ref.text()
                      + "': the template has no parameter '"
                      + ref.attributeRoot()
                      + "'"
                      + Suggestions.didYouMean(ref.attributeRoot(), scope.params().keySet()));
              return null;
            }
            return deeper(v, ref.attribute());
          }
          if (!ref.isExternal() && scope.localNames().contains(baseName(ref.name()))) {
            return TextNode.valueOf(rewritten(ref, scope.prefix() + ref.name(), ref.attribute()));
          }
          return null;
        });
  }

  /** {@code ${each.key}}, {@code ${each.value}}, {@code ${each.value.field}}. */
  private static JsonNode substituteEach(JsonNode value, String key, JsonNode element) {
    if (key == null) {
      return value;
    }
    return References.substitute(
        value,
        ref -> {
          if (ref.type() != null || !ref.name().equals("each")) {
            return null;
          }
          if (ref.attribute().equals("key")) {
            return TextNode.valueOf(key);
          }
          if (ref.attributeRoot().equals("value")) {
            return deeper(element, ref.attribute());
          }
          return null;
        });
  }

  /** A value's part at the path after its root: {@code value.vlan.tag} → {@code vlan.tag}. */
  static JsonNode deeper(JsonNode value, String attribute) {
    int dot = attribute.indexOf('.');
    if (dot < 0) {
      return value;
    }
    JsonNode inner = References.at(value, attribute.substring(dot + 1));
    return inner == null ? Json.MAPPER.nullNode() : inner;
  }

  /** The reference text for {@code name.attribute}, keeping a type qualifier if one was written. */
  static String rewritten(Reference ref, String name, String attribute) {
    String qualifier = ref.type() == null ? "" : ref.type() + ":";
    return "${" + qualifier + References.nameInReference(name) + "." + attribute + "}";
  }

  private static String baseName(String name) {
    int bracket = name.indexOf('[');
    return bracket < 0 ? name : name.substring(0, bracket);
  }
}
