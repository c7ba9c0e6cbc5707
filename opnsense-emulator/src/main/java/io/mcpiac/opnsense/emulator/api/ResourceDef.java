package io.mcpiac.opnsense.emulator.api;

import io.mcpiac.opnsense.emulator.VersionProfile;
import io.mcpiac.opnsense.emulator.config.Subsystem;
import io.mcpiac.opnsense.emulator.model.ItemModel;
import java.util.function.Predicate;

/**
 * A list resource served by the generic controller: where its items live, the JSON wrapper key, the
 * item model and the controller's variations of add/get/set/del/toggle/search.
 */
public final class ResourceDef {
  private final String collection;
  private final String wrapper;
  private final ItemModel model;
  private final String modelPath;
  private ResourceHooks hooks = new ResourceHooks() {};
  private String toggleField = "enabled";
  private boolean toggleInverted;
  private boolean toggleIgnoresArgument;
  private boolean safeDelete;
  private String defaultSort;
  private Predicate<VersionProfile> recordsetSearch = v -> false;
  private java.util.function.Function<io.mcpiac.opnsense.emulator.config.Config, String> keyFactory;

  public ResourceDef(String collection, String wrapper, ItemModel model, String modelPath) {
    this.collection = collection;
    this.wrapper = wrapper;
    this.model = model;
    this.modelPath = modelPath;
  }

  public ResourceDef hooks(ResourceHooks hooks) {
    this.hooks = hooks;
    return this;
  }

  /** Port forwards toggle {@code disabled}: the argument and the field are inverted. */
  public ResourceDef toggleInverted(String field) {
    this.toggleField = field;
    this.toggleInverted = true;
    return this;
  }

  /** HAProxy toggles always flip, whatever argument is sent. */
  public ResourceDef toggleIgnoresArgument() {
    this.toggleIgnoresArgument = true;
    return this;
  }

  /** {@code $internalModelUseSafeDelete}: refuse deleting items referenced anywhere. */
  public ResourceDef safeDelete() {
    this.safeDelete = true;
    return this;
  }

  public ResourceDef defaultSort(String field) {
    this.defaultSort = field;
    return this;
  }

  /** Versions where the search action is {@code searchRecordsetBase}. */
  public ResourceDef recordsetSearch(Predicate<VersionProfile> when) {
    this.recordsetSearch = when;
    return this;
  }

  /**
   * Items keyed by a name the controller picks (interface assignment: the next free {@code optN})
   * instead of a fresh uuid.
   */
  public ResourceDef keyedBy(
      java.util.function.Function<io.mcpiac.opnsense.emulator.config.Config, String> factory) {
    this.keyFactory = factory;
    return this;
  }

  /** The key of a new item, or null for a random uuid. */
  public String newKey(io.mcpiac.opnsense.emulator.config.Config config) {
    return keyFactory == null ? null : keyFactory.apply(config);
  }

  public String collection() {
    return collection;
  }

  public String wrapper() {
    return wrapper;
  }

  public ItemModel model() {
    return model;
  }

  /** The item's path inside its model ({@code servers.server}), used in in-use messages. */
  public String modelPath() {
    return modelPath;
  }

  public ResourceHooks hooks() {
    return hooks;
  }

  public String toggleField() {
    return toggleField;
  }

  public boolean toggleInverted() {
    return toggleInverted;
  }

  public boolean flipsOnly() {
    return toggleIgnoresArgument;
  }

  public boolean safeDeleteEnabled() {
    return safeDelete;
  }

  public String defaultSort() {
    return defaultSort;
  }

  public boolean usesRecordsetSearch(VersionProfile v) {
    return recordsetSearch.test(v);
  }

  public Subsystem subsystem() {
    return Subsystem.ofCollection(collection);
  }
}
