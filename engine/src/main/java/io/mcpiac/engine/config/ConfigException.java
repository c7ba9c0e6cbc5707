package io.mcpiac.engine.config;

import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.errors.KindedError;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown with every problem of a deployment at once; nothing has been changed anywhere. */
public class ConfigException extends RuntimeException implements KindedError {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public ConfigException(List<Diagnostic> diagnostics) {
    super(
        diagnostics.size()
            + (diagnostics.size() == 1 ? " problem" : " problems")
            + " in the deployment:\n"
            + diagnostics.stream().map(d -> "  " + d.format()).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INVALID_INPUT;
  }
}
