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
   * Other names a person may call the provider by ({@code serve --provider kubernetes}, {@code
   * spec.providers.kubernetes}): {@code kubernetes} for {@code k8s}; read as {@link #name()} (see
   * {@link InstalledProviders}). Types, state and plans keep {@link #name()}. None by default.
   */
  default java.util.List<String> aliases() {
    return java.util.List.of();
  }

  /**
   * @param instance {@code opnsense} or {@code opnsense/branch}
   * @param settings the instance's entry of {@code spec.providers} (empty when absent)
   */
  Provider create(String instance, ObjectNode settings);

  /**
   * As {@link #create(String, ObjectNode)}, knowing which deployment the instance serves and where
   * relative paths are resolved. Providers that need neither keep this default.
   */
  default Provider create(String instance, ObjectNode settings, ProviderContext context) {
    return create(instance, settings);
  }

  /**
   * JSON Schema of an instance's {@code spec.providers} entry, checked before the instance is
   * created (unknown keys, wrong types); null when the provider checks its settings itself.
   */
  default com.fasterxml.jackson.databind.JsonNode settingsSchema() {
    return null;
  }

  /**
   * Settings written in the file that win over an environment variable that is also set, one line
   * each (e.g. "url from the deployment file overrides $OPNSENSE_URL"); shown in the plan's header
   * so nobody wonders which firewall a plan talks to.
   */
  default java.util.List<String> overriddenEnvironment(String instance, ObjectNode settings) {
    return java.util.List.of();
  }

  /**
   * Entry points limited to this provider's types that front ends offer next to their standard ones
   * (see {@link ScopedEntryPoints}); declared here as well as on {@link
   * Provider#scopedEntryPoints()}, so a stand-in for a provider of this name (a remote server's
   * proxy) offers them too. None by default.
   */
  default java.util.List<ScopedEntryPoints> scopedEntryPoints() {
    return java.util.List.of();
  }
}
