package io.mcpiac.engine.providers.contract;

import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.Provider;
import java.util.List;

/**
 * What one provider supplies to run the {@link ProviderContract}: an instance talking to its real
 * system or emulator, samples per resource type, and a way to lose a create's answer.
 */
public interface ContractFixture extends AutoCloseable {
  /** The provider under test, against the real system (or the vendor's emulator). */
  Provider provider();

  /** One sample per covered type; the contract runs every case for each. */
  List<TypeSample> samples();

  /**
   * Applies {@code create} so that the object is made on the system but its answer never reaches
   * the caller (a dropped connection, a crash between the write and the journal's result). May
   * throw or return a failed result; the contract then looks for the object by its id. The default
   * applies and discards the answer, which is all a system without fault injection allows.
   */
  default void createLosingAnswer(Change create) throws Exception {
    provider().apply(List.of(create));
  }

  /**
   * What recovery does after a lost answer before it reads (re-activates what the batch would have
   * activated); the default does what the engine's recovery does through the SPI.
   */
  default void recover(Change create) {
    provider().activate(provider().activationScopes(List.of(create)));
  }

  @Override
  default void close() throws Exception {
    provider().close();
  }
}
