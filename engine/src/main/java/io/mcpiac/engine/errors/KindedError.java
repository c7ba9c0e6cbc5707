package io.mcpiac.engine.errors;

/** An exception that says which {@link ErrorKind} of failure it is. */
public interface KindedError {
  ErrorKind kind();
}
