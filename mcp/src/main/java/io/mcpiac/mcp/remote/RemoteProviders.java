package io.mcpiac.mcp.remote;

import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Registers one {@link RemoteProvider} per prefix of a servers file. */
public final class RemoteProviders {
  private RemoteProviders() {}

  /**
   * Adds every server's prefixes to {@code registry}, replacing local providers of the same names.
   * Returns each server's part, in the file's order.
   */
  public static List<SubDeployment> register(ProviderRegistry registry, ServersFile file) {
    return register(registry, file, null);
  }

  /**
   * As above, for a deployment read from a file in {@code baseDirectory} (null: none): the stdio
   * servers started for it resolve relative paths in properties there (see {@link
   * ServerSpec#BASE_DIRECTORY_ENV}).
   */
  public static List<SubDeployment> register(
      ProviderRegistry registry, ServersFile file, Path baseDirectory) {
    List<SubDeployment> parts = new ArrayList<>();
    for (ServerSpec server : file.servers()) {
      ServerSpec spec = server.withBaseDirectory(baseDirectory);
      SubDeployment part = new SubDeployment(new RemoteServer(spec), file.subDeployment());
      parts.add(part);
      for (String prefix : spec.prefixes()) {
        registry.register(prefix, new RemoteProvider(prefix, part));
      }
    }
    return parts;
  }
}
