package io.mcpiac.opnsense;

import io.mcpiac.engine.providers.contract.ContractFixture;
import io.mcpiac.engine.providers.contract.ProviderContract;

/** The provider contract against the emulator's 26.7 profile. */
class OpnsenseContract267Test extends ProviderContract {
  @Override
  protected ContractFixture createFixture() throws Exception {
    return new OpnsenseContractFixture("26.7");
  }
}
