package io.mcpiac.engine.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes provider instances; found through {@link java.util.ServiceLoader}. Connection settings come
 * from {@code spec.providers}; credentials only from the environment or files, never from the
 * deployment.
 */
public interface ProviderFactory {
  /** The provider name, which is also its type prefix: {@code opnsense}. */
  String name();

  /**
   * @param instance {@code opnsense} or {@code opnsense/branch}
   * @param settings the instance's entry of {@code spec.providers} (empty when absent)
   */
  Provider create(String instance, ObjectNode settings);

  /**
   * As {@link #create(String, ObjectNode)}, for a deployment read from a file: relative paths in
   * properties (a Docker build context) are resolved against {@code baseDirectory}, the file's
   * directory.
   */
  default Provider create(String instance, ObjectNode settings, java.nio.file.Path baseDirectory) {
    return create(instance, settings);
  }
}
