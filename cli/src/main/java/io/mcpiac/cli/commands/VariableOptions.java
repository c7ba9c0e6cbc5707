package io.mcpiac.cli.commands;

import io.mcpiac.engine.config.VariableInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --var name=value} and {@code --var-file FILE}, for the deployment's spec.variables. */
public final class VariableOptions {
  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description =
          "A variable's value (repeatable; wins over var files and MCP_IAC_VAR_NAME). Lists and"
              + " maps in YAML flow style: --var 'ports=[80, 443]'.")
  List<String> vars = new ArrayList<>();

  @Option(
      names = "--var-file",
      paramLabel = "FILE",
      description = "A YAML or JSON file of name: value (repeatable; a later file wins).")
  List<Path> varFiles = new ArrayList<>();

  /** The values from the command line and the environment. */
  public VariableInputs inputs() {
    return new VariableInputs(System.getenv(), varFiles, vars, null);
  }
}
