package io.mcpiac.engine.config;

/**
 * Where something was written: a file (or another origin such as {@code <builder>} or {@code
 * <mcp>}) and a 1-based line, 0 when unknown.
 */
public record SourceLocation(String file, int line) {
  public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0);

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
