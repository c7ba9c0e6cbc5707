package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved plan keeps only digests of sensitive variables. Applying it needs the values again, from
 * the same sources as a plan ({@code --var}, var files, {@code MCP_IAC_VAR_x}); each must match the
 * digest the plan was made with, so the plan that was reviewed is the plan that runs.
 */
public final class SensitiveVariables {
  private SensitiveVariables() {}

  /**
   * The deployment with its sensitive variables' values filled in.
   *
   * @throws ConfigException when a value is missing or differs from the planned one
   */
  public static Deployment refill(Deployment d, VariableInputs inputs) {
    if (d.sensitiveValues().values().stream().noneMatch(Values::isSensitive)) {
      return d;
    }
    Map<String, VariableDeclaration> declared = new LinkedHashMap<>();
    d.sensitiveValues()
        .keySet()
        .forEach(
            name ->
                declared.put(
                    name,
                    new VariableDeclaration(name, Json.object(), null, null, true, d.location())));
    Variables.Result given = Variables.resolve(declared, inputs);
    Map<String, JsonNode> values = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    d.sensitiveValues()
        .forEach(
            (name, planned) -> {
              JsonNode value = given.values().get(name);
              if (!Values.isSensitive(planned)) {
                values.put(name, planned);
              } else if (value == null) {
                problems.add(
                    problem(
                        d,
                        name,
                        "is not given; give it with --var "
                            + name
                            + "=…,"
                            + " a --var-file or "
                            + VariableInputs.ENV_PREFIX
                            + name));
              } else {
                JsonNode matching = matching(d.name(), name, planned, value);
                if (matching == null) {
                  problems.add(
                      problem(
                          d,
                          name,
                          "differs from the value the plan was made with;" + " make a new plan"));
                } else {
                  values.put(name, matching);
                }
              }
            });
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Deployment(
        d.name(), d.providers(), d.resources(), d.location(), values, d.sensitiveProperties());
  }

  /** The value as given, or as text (a number given for a string variable), if it matches. */
  private static JsonNode matching(String deployment, String name, JsonNode planned, JsonNode v) {
    for (JsonNode candidate :
        List.of(v, TextNode.valueOf(v.isTextual() ? v.textValue() : v.toString()))) {
      if (Values.sensitive(deployment + "/var/" + name, candidate).equals(planned)) {
        return candidate;
      }
    }
    return null;
  }

  private static Diagnostic problem(Deployment d, String name, String message) {
    return new Diagnostic(
        DiagnosticCodes.INVALID_VARIABLE,
        d.location(),
        null,
        null,
        "the sensitive variable '" + name + "' " + message);
  }
}
