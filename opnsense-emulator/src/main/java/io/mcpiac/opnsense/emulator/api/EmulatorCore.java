package io.mcpiac.opnsense.emulator.api;

import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.config.ConfigStore;
import io.mcpiac.opnsense.emulator.config.Subsystem;
import io.mcpiac.opnsense.emulator.control.Faults;
import io.mcpiac.opnsense.emulator.model.ModelContext;

/** The shared state actions work on: configuration store, version profile, fault settings. */
public final class EmulatorCore {
  private final ConfigStore store;
  private final VersionProfile version;
  private final Faults faults;

  public EmulatorCore(ConfigStore store, VersionProfile version, Faults faults) {
    this.store = store;
    this.version = version;
    this.faults = faults;
  }

  public ConfigStore store() {
    return store;
  }

  public VersionProfile version() {
    return version;
  }

  public Faults faults() {
    return faults;
  }

  public ModelContext context(
      io.mcpiac.opnsense.emulator.config.Config config, String collection, String uuid) {
    return new ModelContext(config, version, collection, uuid);
  }

  /**
   * A subsystem's apply/reconfigure: the configured extra latency, then the pending config goes
   * live.
   */
  public void apply(Subsystem s) {
    faults.applyDelay();
    store.apply(s);
  }

  /** Config writes of a read-only user fail inside {@code Config::save()}. */
  public void checkWritable(ApiCall call) {
    if (call.user() != null && call.user().readOnly()) {
      io.mcpiac.opnsense.emulator.messages.Message title =
          io.mcpiac.opnsense.emulator.messages.Message.READ_ONLY_TITLE;
      // ≤26.1.10 ApiMutableModelControllerBase::save threw it without a title
      throw new UserException(
          io.mcpiac.opnsense.emulator.messages.Message.READ_ONLY.text(call.user().username()),
          title.existsIn(version()) ? title.text() : "");
    }
  }
}
