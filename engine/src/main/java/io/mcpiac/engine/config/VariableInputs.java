package io.mcpiac.engine.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where variable values come from, lowest precedence first: a declaration's {@code default}, the
 * environment ({@code MCP_IAC_VAR_name}), {@code --var-file}s in the order given, {@code --var
 * name=value} in the order given, and an MCP tool's {@code variables} argument. A later source
 * wins.
 *
 * @param assignments {@code name=value} as written after {@code --var}
 * @param arguments an MCP client's {@code variables} object, or null
 */
public record VariableInputs(
    Map<String, String> environment,
    List<Path> varFiles,
    List<String> assignments,
    ObjectNode arguments) {

  public static final String ENV_PREFIX = "MCP_IAC_VAR_";

  public VariableInputs {
    environment = Map.copyOf(environment);
    varFiles = List.copyOf(varFiles);
    assignments = List.copyOf(assignments);
  }

  /** Only this process's environment. */
  public static VariableInputs fromEnvironment() {
    return new VariableInputs(System.getenv(), List.of(), List.of(), null);
  }

  public VariableInputs withArguments(ObjectNode arguments) {
    return new VariableInputs(environment, varFiles, assignments, arguments);
  }
}
