package io.mcpiac.cli;

import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.mcp.remote.RemoteProviders;
import io.mcpiac.mcp.remote.ServersFile;

/**
 * The orchestrator's provider registry for {@code serve --orchestrator}: the built-in {@code core}
 * provider, and a remote provider for each prefix of the servers file.
 */
public final class Orchestrator {
  private Orchestrator() {}

  public static ProviderRegistry registry(ServersFile file) {
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(CoreProvider.NAME, new CoreProvider());
    RemoteProviders.register(registry, file);
    return registry;
  }
}
