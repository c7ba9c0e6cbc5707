package io.mcpiac.engine.dag;

import io.mcpiac.engine.errors.ErrorKind;
import io.mcpiac.engine.errors.KindedError;
import java.util.List;

/** A dependency cycle; {@link #cycle()} is the closing path, e.g. {@code [a, b, a]}. */
public class CycleException extends RuntimeException implements KindedError {
  private static final long serialVersionUID = 1L;
  private final transient List<String> cycle;

  public CycleException(List<String> cycle) {
    super("dependency cycle: " + String.join(" -> ", cycle));
    this.cycle = List.copyOf(cycle);
  }

  public List<String> cycle() {
    return cycle;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INVALID_INPUT;
  }
}
