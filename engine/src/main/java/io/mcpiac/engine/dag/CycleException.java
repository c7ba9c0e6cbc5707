package io.mcpiac.engine.dag;

import java.util.List;

/** A dependency cycle; {@link #cycle()} is the closing path, e.g. {@code [a, b, a]}. */
public class CycleException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> cycle;

  public CycleException(List<String> cycle) {
    super("dependency cycle: " + String.join(" -> ", cycle));
    this.cycle = List.copyOf(cycle);
  }

  public List<String> cycle() {
    return cycle;
  }
}
