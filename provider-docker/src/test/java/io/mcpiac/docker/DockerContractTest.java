package io.mcpiac.docker;

import io.mcpiac.engine.providers.contract.ContractFixture;
import io.mcpiac.engine.providers.contract.ProviderContract;

/** The provider contract against the real Docker Engine (skipped without one, unless required). */
class DockerContractTest extends ProviderContract {
  @Override
  protected ContractFixture createFixture() {
    return new DockerContractFixture();
  }
}
