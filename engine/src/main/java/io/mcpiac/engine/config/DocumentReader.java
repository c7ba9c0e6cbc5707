package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.InstalledProviders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed document into the {@link Deployment} model, reporting what only the document
 * shows: {@code apiVersion}, {@code kind}, unknown keys, values of the wrong shape. Everything else
 * is {@link DeploymentValidator}'s job. Reads as much as it can, so all problems are found in one
 * go.
 */
final class DocumentReader {
  private static final Set<String> DOCUMENT_KEYS = Set.of("apiVersion", "kind", "metadata", "spec");
  private static final Set<String> METADATA_KEYS =
      Set.of("name", "description", "labels", "annotations");
  private static final Set<String> SPEC_KEYS =
      Set.of(
          "providers",
          "resources",
          "variables",
          "outputs",
          "templates",
          MovedList.KEY, // moved: read into Declarations by MovedList
          // read by the policy engine from the document itself (see io.mcpiac.engine.policies)
          "policies",
          "policyPacks");
  private static final Set<String> TEMPLATE_SPEC_KEYS =
      Set.of("description", "parameters", "resources", "outputs");
  private static final Set<String> RESOURCE_KEYS =
      Set.of(
          "type",
          "name",
          "provider",
          "properties",
          "dependsOn",
          "forEach",
          "forEachKey",
          "policyExceptions"); // read by the policy engine, never sent to a provider
  private static final String TEMPLATE_KIND = "Template";
  static final String POLICY_KIND = "Policy";

  /**
   * Where a problem is reported: the whole document ({@code resource} null, paths from the root) or
   * one resource ({@code spec.resources[2]}, paths relative to it such as {@code dependsOn[1]}).
   */
  private record Scope(String prefix, String resource) {
    static final Scope DOCUMENT = new Scope("", null);

    String documentPath(String relative) {
      if (prefix.isEmpty()) {
        return relative;
      }
      return relative.isEmpty() ? prefix : SourceMap.child(prefix, relative);
    }
  }

  private final String origin;
  private final SourceMap lines;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final LanguageReader language;

  private DocumentReader(String origin, SourceMap lines) {
    this.origin = origin;
    this.lines = lines;
    this.language = new LanguageReader(origin, lines, problems);
  }

  static LoadedDeployment read(JsonNode root, SourceMap lines, String origin) {
    return new DocumentReader(origin, lines).read(root);
  }

  private LoadedDeployment read(JsonNode root) {
    SourceLocation location = at("");
    if (root == null || !root.isObject()) {
      problems.add(
          problem(
              Scope.DOCUMENT,
              DiagnosticCodes.INVALID_VALUE,
              "",
              "a deployment is a mapping with apiVersion, kind, metadata and spec"));
      return result(new Deployment(null, Map.of(), List.of(), location));
    }
    checkKeys(root, Scope.DOCUMENT, "", DOCUMENT_KEYS);
    checkHeader(
        root,
        "apiVersion",
        Deployment.API_VERSION,
        DiagnosticCodes.MISSING_API_VERSION,
        DiagnosticCodes.UNKNOWN_API_VERSION);
    if (POLICY_KIND.equals(root.path("kind").asText(null))) {
      // a policy document: the policy engine reads and checks it (the engine knows no CEL)
      return new LoadedDeployment(
          new Deployment(readName(root.get("metadata")), Map.of(), List.of(), location),
          problems,
          lines,
          Declarations.NONE.ofKind(POLICY_KIND));
    }
    boolean template = TEMPLATE_KIND.equals(root.path("kind").asText(null));
    if (!template) {
      checkHeader(
          root,
          "kind",
          Deployment.KIND,
          DiagnosticCodes.MISSING_KIND,
          DiagnosticCodes.UNKNOWN_KIND);
    }
    String name = readName(root.get("metadata"));
    JsonNode spec = root.get("spec");
    Map<String, ObjectNode> providers = Map.of();
    ResourceList resources = new ResourceList(List.of(), Map.of());
    Declarations declarations =
        template ? Declarations.NONE.ofKind(TEMPLATE_KIND) : Declarations.NONE;
    if (isPresent(spec) && requireObject(spec, Scope.DOCUMENT, "spec")) {
      checkKeys(spec, Scope.DOCUMENT, "spec", template ? TEMPLATE_SPEC_KEYS : SPEC_KEYS);
      if (!template) {
        providers = readProviders(spec.get("providers"));
      }
      resources = readResources(spec.get("resources"), "spec.resources");
      declarations = readDeclarations(spec, template, resources);
    }
    return new LoadedDeployment(
        new Deployment(name, providers, resources.resources(), location),
        problems,
        lines,
        declarations);
  }

  /** {@code spec.variables}/{@code parameters}, {@code outputs}, {@code templates}. */
  private Declarations readDeclarations(JsonNode spec, boolean template, ResourceList resources) {
    String variablesKey = template ? "parameters" : "variables";
    List<Template> templates = new ArrayList<>();
    JsonNode inline = spec.get("templates");
    if (!template && isPresent(inline) && requireObject(inline, Scope.DOCUMENT, "spec.templates")) {
      inline
          .fields()
          .forEachRemaining(
              e -> {
                Template t = readInlineTemplate(e.getKey(), e.getValue());
                if (t != null) {
                  templates.add(t);
                }
              });
    }
    return new Declarations(
        template ? TEMPLATE_KIND : Deployment.KIND,
        template ? language.text(spec.get("description"), "spec.description") : null,
        language.variables(spec.get(variablesKey), "spec." + variablesKey),
        language.outputs(spec.get("outputs"), "spec.outputs"),
        templates,
        resources.forEach(),
        Map.of(),
        template ? MovedList.NONE : MovedList.of(spec.get(MovedList.KEY), lines, origin));
  }

  /** {@code spec.templates.NAME: {description, parameters, resources, outputs}}. */
  private Template readInlineTemplate(String name, JsonNode node) {
    String path = "spec.templates." + name;
    if (!isPresent(node) || !requireObject(node, Scope.DOCUMENT, path)) {
      return null;
    }
    checkKeys(node, Scope.DOCUMENT, path, TEMPLATE_SPEC_KEYS);
    ResourceList resources = readResources(node.get("resources"), path + ".resources");
    return new Template(
        name,
        language.text(node.get("description"), path + ".description"),
        language.variables(node.get("parameters"), path + ".parameters"),
        resources.resources(),
        resources.forEach(),
        language.outputs(node.get("outputs"), path + ".outputs"),
        at(path),
        lines,
        path + ".resources");
  }

  /** Resources in document order, and the {@code forEach} of those that have one, by index. */
  private record ResourceList(List<ResourceConfig> resources, Map<Integer, ForEachSpec> forEach) {}

  private LoadedDeployment result(Deployment deployment) {
    return new LoadedDeployment(deployment, problems, lines);
  }

  private void checkHeader(
      JsonNode root, String key, String expected, String missingCode, String unknownCode) {
    JsonNode value = root.get(key);
    if (!isPresent(value)) {
      problems.add(
          problem(Scope.DOCUMENT, missingCode, key, "'" + key + ": " + expected + "' is missing"));
    } else if (!value.isValueNode() || !value.asText().equals(expected)) {
      problems.add(
          problem(
              Scope.DOCUMENT,
              unknownCode,
              key,
              "'" + text(value) + "' is not supported; expected '" + expected + "'"));
    }
  }

  private String readName(JsonNode metadata) {
    if (!isPresent(metadata) || !requireObject(metadata, Scope.DOCUMENT, "metadata")) {
      return null;
    }
    checkKeys(metadata, Scope.DOCUMENT, "metadata", METADATA_KEYS);
    return scalar(metadata.get("name"), Scope.DOCUMENT, "metadata.name");
  }

  private Map<String, ObjectNode> readProviders(JsonNode node) {
    if (!isPresent(node) || !requireObject(node, Scope.DOCUMENT, "spec.providers")) {
      return Map.of();
    }
    Map<String, ObjectNode> providers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "spec.providers." + e.getKey();
      // a provider's other name (kubernetes for k8s) holds the same settings as its own name
      String instance = InstalledProviders.canonicalInstance(e.getKey());
      if (providers.containsKey(instance)) {
        problems.add(
            problem(
                Scope.DOCUMENT,
                DiagnosticCodes.INVALID_VALUE,
                path,
                "'"
                    + e.getKey()
                    + "' and '"
                    + instance
                    + "' name the same provider instance; keep one of them"));
      } else if (!isPresent(e.getValue())) {
        providers.put(instance, Json.object());
      } else if (requireObject(e.getValue(), Scope.DOCUMENT, path)) {
        providers.put(instance, (ObjectNode) e.getValue());
      }
    }
    return providers;
  }

  private ResourceList readResources(JsonNode node, String path) {
    if (!isPresent(node)) {
      return new ResourceList(List.of(), Map.of());
    }
    if (!node.isArray()) {
      problems.add(
          problem(
              Scope.DOCUMENT,
              DiagnosticCodes.INVALID_VALUE,
              path,
              "must be a list of resources (each starting with '- type:')"));
      return new ResourceList(List.of(), Map.of());
    }
    List<ResourceConfig> resources = new ArrayList<>();
    Map<Integer, ForEachSpec> forEach = new LinkedHashMap<>();
    for (int i = 0; i < node.size(); i++) {
      String at = SourceMap.element(path, i);
      resources.add(readResource(node.get(i), at));
      ForEachSpec each = node.get(i).isObject() ? language.forEach(node.get(i), at) : null;
      if (each != null) {
        forEach.put(i, each);
      }
    }
    return new ResourceList(resources, forEach);
  }

  /** Always returns a resource, even a broken one, so indices match the document's. */
  private ResourceConfig readResource(JsonNode node, String path) {
    SourceLocation location = at(path);
    if (!node.isObject()) {
      problems.add(
          problem(
              Scope.DOCUMENT,
              DiagnosticCodes.INVALID_VALUE,
              path,
              "a resource is a mapping with type, name and properties"));
      return new ResourceConfig(null, null, Json.object(), List.of(), null, location, Map.of());
    }
    JsonNode nameNode = node.get("name");
    Scope scope =
        new Scope(path, nameNode != null && nameNode.isValueNode() ? nameNode.asText() : null);
    checkKeys(node, scope, "", RESOURCE_KEYS);
    ObjectNode properties = Json.object();
    Map<String, Integer> propertyLines = new LinkedHashMap<>();
    JsonNode props = node.get("properties");
    if (isPresent(props) && requireObject(props, scope, "properties")) {
      properties = (ObjectNode) props;
      properties
          .fieldNames()
          .forEachRemaining(
              key -> {
                int line = lines.lineOf(scope.documentPath("properties." + key));
                if (line > 0) {
                  propertyLines.put(key, line);
                }
              });
    }
    String provider = scalar(node.get("provider"), scope, "provider");
    return new ResourceConfig(
        scalar(node.get("type"), scope, "type"),
        scalar(nameNode, scope, "name"),
        properties,
        readDependsOn(node.get("dependsOn"), scope),
        provider == null ? null : InstalledProviders.canonicalInstance(provider),
        location,
        propertyLines);
  }

  private List<String> readDependsOn(JsonNode node, Scope scope) {
    if (!isPresent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      problems.add(
          problem(
              scope,
              DiagnosticCodes.INVALID_VALUE,
              "dependsOn",
              "must be a list of resource names, e.g. [a, b]"));
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String name = scalar(node.get(i), scope, SourceMap.element("dependsOn", i));
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  /** A name-like value: any scalar as text; null when absent; a list or mapping is a problem. */
  private String scalar(JsonNode value, Scope scope, String path) {
    if (!isPresent(value)) {
      return null;
    }
    if (!value.isValueNode()) {
      problems.add(
          problem(
              scope,
              DiagnosticCodes.INVALID_VALUE,
              path,
              "must be a single value, not " + (value.isArray() ? "a list" : "a mapping")));
      return null;
    }
    return value.asText();
  }

  private boolean requireObject(JsonNode value, Scope scope, String path) {
    if (value.isObject()) {
      return true;
    }
    problems.add(
        problem(
            scope,
            DiagnosticCodes.INVALID_VALUE,
            path,
            "must be a mapping (key: value), not " + describe(value)));
    return false;
  }

  private void checkKeys(JsonNode object, Scope scope, String path, Set<String> known) {
    object
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!known.contains(key)) {
                problems.add(
                    problem(
                        scope,
                        DiagnosticCodes.UNKNOWN_KEY,
                        path.isEmpty() ? key : SourceMap.child(path, key),
                        "unknown key '"
                            + key
                            + "'"
                            + Suggestions.didYouMean(key, known)
                            + "; known keys: "
                            + String.join(", ", known.stream().sorted().toList())));
              }
            });
  }

  private static boolean isPresent(JsonNode value) {
    return value != null && !value.isNull() && !value.isMissingNode();
  }

  private static String describe(JsonNode value) {
    if (value.isArray()) {
      return "a list";
    }
    return value.isTextual() ? "the text '" + value.textValue() + "'" : "the value " + value;
  }

  private static String text(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private SourceLocation at(String path) {
    return new SourceLocation(origin, lines.nearestLineOf(path));
  }

  private Diagnostic problem(Scope scope, String code, String path, String message) {
    return new Diagnostic(
        code,
        at(scope.documentPath(path)),
        scope.resource(),
        path.isEmpty() ? null : path,
        message);
  }
}
