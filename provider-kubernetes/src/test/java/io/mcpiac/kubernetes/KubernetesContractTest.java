package io.mcpiac.kubernetes;

import io.mcpiac.engine.providers.contract.ContractFixture;
import io.mcpiac.engine.providers.contract.ProviderContract;

/** The provider contract against fabric8's CRUD mock (see {@link KubernetesContractFixture}). */
class KubernetesContractTest extends ProviderContract {
  @Override
  protected ContractFixture createFixture() {
    return new KubernetesContractFixture();
  }
}
