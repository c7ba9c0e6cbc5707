package io.mcpiac.engine.providers.contract;

/**
 * Changes one property of an object on the real system, the way an operator would by hand (the
 * firewall's GUI, {@code docker update}): never through the provider under test.
 */
@FunctionalInterface
public interface Tamper {
  void change(ContractObject object) throws Exception;
}
