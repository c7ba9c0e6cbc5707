package io.mcpiac.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ProviderContext;
import io.mcpiac.kubernetes.client.KubeConnection;
import io.mcpiac.kubernetes.client.KubeSettings;

/** Where the factory's settings become a provider: kept apart so the factory loads no fabric8. */
final class KubernetesProviders {
  private KubernetesProviders() {}

  static Provider create(ObjectNode settings, ProviderContext context) {
    KubeSettings s = KubeSettings.of(settings, context.baseDirectory());
    return new KubernetesProvider(KubeConnection.of(s), context.deployment());
  }
}
