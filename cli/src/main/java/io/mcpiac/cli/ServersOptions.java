package io.mcpiac.cli;

import io.mcpiac.mcp.remote.ServersFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --servers FILE}: run the command as the orchestrator, over the provider MCP servers the
 * file names (see {@link ServersFile} for the format) instead of local providers.
 */
public final class ServersOptions {
  @Option(
      names = "--servers",
      paramLabel = "FILE",
      description =
          "A servers.yaml mapping type prefixes to provider MCP servers (a stdio command or an"
              + " HTTP URL): orchestrate the deployment across them.")
  Path file;

  public boolean orchestrating() {
    return file != null;
  }

  public ServersFile load() {
    try {
      return ServersFile.load(file);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
