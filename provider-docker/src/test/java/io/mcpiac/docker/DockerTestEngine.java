package io.mcpiac.docker;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;

/** The engine the end-to-end tests plan and apply with: the core provider and {@code provider}. */
final class DockerTestEngine {
  private DockerTestEngine() {}

  static Engine of(DockerProvider provider, StateStore store) {
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(CoreProvider.NAME, new CoreProvider());
    registry.register(DockerProvider.NAME, provider);
    return new Engine(registry, store);
  }
}
