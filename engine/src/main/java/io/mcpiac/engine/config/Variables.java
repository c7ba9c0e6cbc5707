package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every declared variable (or template parameter) its value from the {@link VariableInputs},
 * later sources winning, and checks it: a required variable without a value, a value of the wrong
 * type and a value for a variable nobody declared are diagnostics with file and line (the
 * declaration's, the var file's, or the command line's).
 */
final class Variables {
  /** The values, and what is wrong with them. */
  record Result(Map<String, JsonNode> values, List<Diagnostic> problems) {}

  /** A value and where it came from. */
  private record Given(JsonNode value, SourceLocation location, String property) {}

  private final Map<String, VariableDeclaration> declared;
  private final String kindOfValue;
  private final Map<String, Given> given = new LinkedHashMap<>();
  private final List<Diagnostic> problems = new ArrayList<>();

  private Variables(Map<String, VariableDeclaration> declared, String kindOfValue) {
    this.declared = declared;
    this.kindOfValue = kindOfValue;
  }

  /** A deployment's {@code spec.variables} from every source. */
  static Result resolve(Map<String, VariableDeclaration> declared, VariableInputs inputs) {
    Variables v = new Variables(declared, "variable");
    v.fromEnvironment(inputs.environment());
    inputs.varFiles().forEach(v::fromFile);
    inputs.assignments().forEach(v::fromAssignment);
    if (inputs.arguments() != null) {
      v.fromObject(inputs.arguments(), new SourceLocation("<mcp>", 0), "variables");
    }
    return v.finish();
  }

  /**
   * A template instance's parameters: its {@code properties}, each at its line.
   *
   * @param instance the instance resource, for lines and messages
   */
  static Result parameters(Map<String, VariableDeclaration> declared, ResourceConfig instance) {
    Variables v = new Variables(declared, "parameter");
    if (instance.properties() != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = instance.properties().fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        v.put(
            e.getKey(), e.getValue(), instance.locationOf(e.getKey()), "properties." + e.getKey());
      }
    }
    return v.finish();
  }

  private void fromEnvironment(Map<String, String> environment) {
    environment.forEach(
        (key, text) -> {
          if (key.startsWith(VariableInputs.ENV_PREFIX)) {
            String name = key.substring(VariableInputs.ENV_PREFIX.length());
            // the environment is shared by everything: a variable nobody declares is not an error
            if (declared.containsKey(name)) {
              put(
                  name,
                  typed(name, text),
                  new SourceLocation("<environment " + key + ">", 0),
                  null);
            }
          }
        });
  }

  private void fromFile(Path file) {
    String text;
    try {
      text = DocumentFiles.readText(file, DeploymentLoader.MAX_DOCUMENT_BYTES);
    } catch (IOException | RuntimeException e) {
      problems.add(
          new Diagnostic(
              DiagnosticCodes.UNREADABLE_FILE,
              new SourceLocation(file.toString(), 0),
              null,
              null,
              "cannot read the variable file: " + e.getClass().getSimpleName()));
      return;
    }
    DocumentParser.Result parsed = DocumentParser.parse(text, file.toString());
    problems.addAll(parsed.problems());
    if (parsed.root() == null) {
      return;
    }
    if (!parsed.root().isObject()) {
      problems.add(
          new Diagnostic(
              DiagnosticCodes.INVALID_VALUE,
              new SourceLocation(file.toString(), 1),
              null,
              null,
              "a variable file is a mapping of name: value"));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = parsed.root().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      put(
          e.getKey(),
          e.getValue(),
          new SourceLocation(file.toString(), parsed.lines().lineOf(e.getKey())),
          e.getKey());
    }
  }

  private void fromAssignment(String assignment) {
    SourceLocation where = new SourceLocation("<command line --var " + nameOf(assignment) + ">", 0);
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      problems.add(
          new Diagnostic(
              DiagnosticCodes.INVALID_VALUE,
              where,
              null,
              null,
              "--var takes name=value, not '" + nameOf(assignment) + "'"));
      return;
    }
    String name = assignment.substring(0, eq);
    put(name, typed(name, assignment.substring(eq + 1)), where, null);
  }

  private void fromObject(ObjectNode values, SourceLocation where, String path) {
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      put(e.getKey(), e.getValue(), where, path + "." + e.getKey());
    }
  }

  private void put(String name, JsonNode value, SourceLocation where, String property) {
    if (!declared.containsKey(name)) {
      problems.add(
          new Diagnostic(
              DiagnosticCodes.UNUSED_VARIABLE,
              where,
              null,
              property,
              "a value is given for '"
                  + name
                  + "', but no "
                  + kindOfValue
                  + " of that name is declared"
                  + Suggestions.didYouMean(name, declared.keySet())
                  + (declared.isEmpty()
                      ? ""
                      : "; declared: " + String.join(", ", declared.keySet()))));
      return;
    }
    given.put(name, new Given(value, where, property));
  }

  /** Text from the command line or the environment, read as the declared type wants it. */
  private JsonNode typed(String name, String text) {
    VariableDeclaration d = declared.get(name);
    if (d == null || "string".equals(d.schema().path("type").asText(null))) {
      return TextNode.valueOf(text);
    }
    DocumentParser.Result parsed = DocumentParser.parse(text, "<value>");
    return parsed.root() == null || !parsed.problems().isEmpty()
        ? TextNode.valueOf(text)
        : parsed.root();
  }

  private Result finish() {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    PropertySchemas schemas = new PropertySchemas();
    for (VariableDeclaration d : declared.values()) {
      Given g = given.get(d.name());
      if (g == null) {
        if (d.required()) {
          problems.add(
              new Diagnostic(
                  DiagnosticCodes.INVALID_VARIABLE,
                  d.location(),
                  null,
                  null,
                  "the "
                      + kindOfValue
                      + " '"
                      + d.name()
                      + "' ("
                      + d.typeName()
                      + ") has no default and no value was given"
                      + ("variable".equals(kindOfValue)
                          ? " (--var "
                              + d.name()
                              + "=…, a --var-file, or "
                              + VariableInputs.ENV_PREFIX
                              + d.name()
                              + ")"
                          : "")));
        } else {
          values.put(d.name(), d.defaultValue());
        }
        continue;
      }
      for (String problem : check(schemas, d, g.value())) {
        SourceLocation at = g.location();
        problems.add(
            new Diagnostic(
                DiagnosticCodes.INVALID_VARIABLE,
                at,
                null,
                g.property(),
                "the "
                    + kindOfValue
                    + " '"
                    + d.name()
                    + "' (declared at "
                    + d.location()
                    + " as "
                    + d.typeName()
                    + "): "
                    + problem));
      }
      values.put(d.name(), g.value());
    }
    return new Result(values, problems);
  }

  private static List<String> check(
      PropertySchemas schemas, VariableDeclaration d, JsonNode value) {
    ObjectNode wrapper = Json.object();
    wrapper.put("type", "object");
    wrapper.putObject("properties").set("value", d.schema());
    ResourceType asType =
        new ResourceType("variable:" + d.name(), null, wrapper, Set.of(), Set.of(), Map.of(), true);
    ObjectNode holder = Json.object();
    holder.set("value", value);
    List<String> out = new ArrayList<>();
    try {
      for (PropertySchemas.Violation v : schemas.check(asType, holder)) {
        // a sensitive value never appears in a message, not even in a schema's complaint
        out.add(d.sensitive() ? "the value does not match the declared schema" : v.message());
      }
    } catch (RuntimeException e) {
      out.add("its schema cannot be used: " + e.getMessage());
    }
    return out;
  }

  private static String nameOf(String assignment) {
    int eq = assignment.indexOf('=');
    return eq < 0 ? assignment : assignment.substring(0, eq);
  }
}
