package io.mcpiac.engine.plans;

/**
 * A scope of a provider instance whose last journalled activation did not succeed (interrupted and
 * not run again, failed, or every change of it failed; see {@code StateStore.unactivated}), so its
 * written changes may not be active: drift whose only action is to activate it.
 *
 * @param provider the provider instance ({@code opnsense}, {@code opnsense/branch})
 * @param scope the provider's name for what is activated as a whole ({@code filter})
 */
public record PendingActivation(String provider, String scope) {

  @Override
  public String toString() {
    return provider + ": " + scope;
  }
}
