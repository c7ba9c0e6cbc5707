package io.mcpiac.engine.providers;

import java.nio.file.Path;

/**
 * What a provider instance is created for.
 *
 * @param deployment the deployment it serves, or null when it serves several (an MCP server)
 * @param baseDirectory where relative paths in properties (a Docker build context) are resolved:
 *     the deployment file's directory, else the working directory
 */
public record ProviderContext(String deployment, Path baseDirectory) {
  public static ProviderContext workingDirectory() {
    return new ProviderContext(null, Path.of("").toAbsolutePath());
  }
}
