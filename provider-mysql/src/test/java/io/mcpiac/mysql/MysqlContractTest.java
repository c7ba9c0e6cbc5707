package io.mcpiac.mysql;

import io.mcpiac.engine.providers.contract.ContractFixture;
import io.mcpiac.engine.providers.contract.ProviderContract;

/** The provider contract against the real MariaDB server (skipped without one, unless required). */
class MysqlContractTest extends ProviderContract {
  @Override
  protected ContractFixture createFixture() throws Exception {
    return new MysqlContractFixture();
  }
}
