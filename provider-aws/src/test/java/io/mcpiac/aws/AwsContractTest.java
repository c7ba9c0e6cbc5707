package io.mcpiac.aws;

import io.mcpiac.engine.providers.contract.ContractFixture;
import io.mcpiac.engine.providers.contract.ProviderContract;

/**
 * The provider contract for every aws:* type against Moto (skipped without it, unless required).
 */
class AwsContractTest extends ProviderContract {
  @Override
  protected ContractFixture createFixture() {
    return new AwsContractFixture();
  }
}
