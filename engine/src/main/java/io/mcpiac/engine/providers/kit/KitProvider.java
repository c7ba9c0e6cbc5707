package io.mcpiac.engine.providers.kit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Placement;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base of a provider built on the kit: the {@link Provider} SPI answered by dispatching each
 * call to the {@link TypeHandler} of its type, with errors translated in one place ({@link
 * HandlerSet}). A provider adds its connection ({@link #session()}), what its system's exceptions
 * mean ({@link #classify}), and overrides {@link #apply} only where its system commits a batch as a
 * whole (OPNsense writes everything, then activates each touched module once).
 *
 * @param <S> what one read or one batch works with (see {@link TypeHandler})
 */
public abstract class KitProvider<S> implements Provider {
  private final String name;
  private final HandlerSet<S> handlers;

  protected KitProvider(String name, List<? extends TypeHandler<S>> handlers) {
    this.name = name;
    this.handlers = new HandlerSet<>(name, handlers, this::classify);
  }

  /** A session for one read, import or batch; opening it must not call the system yet. */
  protected abstract S session();

  /**
   * What an exception from the provider's system means for the change it interrupted. Default: the
   * change failed, with the exception's message (see {@link Failure#ofChange}).
   */
  protected Failure classify(RuntimeException e) {
    return Failure.ofChange(e);
  }

  protected final HandlerSet<S> handlers() {
    return handlers;
  }

  protected final TypeHandler<S> handler(ResourceType type) {
    return handlers.get(type.name());
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public List<ResourceType> resourceTypes() {
    return handlers.types();
  }

  @Override
  public ObjectNode canonical(ResourceType type, ObjectNode properties) {
    return handler(type).canonical(properties);
  }

  @Override
  public Map<String, String> validate(ResourceType type, String name, ObjectNode properties) {
    return handler(type).validate(name, properties);
  }

  @Override
  public List<String> warnings(ResourceType type, String name, ObjectNode properties) {
    return handler(type).warnings(name, properties);
  }

  @Override
  public Map<String, ObjectNode> arrange(ResourceType type, List<Placement> resources) {
    return handler(type).arrange(resources);
  }

  @Override
  public ObjectNode plannedOutputs(ResourceType type, ObjectNode desired, ObjectNode prior) {
    return handler(type).plannedOutputs(desired, prior);
  }

  @Override
  public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> requests) {
    if (requests.isEmpty()) {
      return Map.of();
    }
    TypeHandler<S> h = handler(type);
    return handlers.reading(type, () -> h.read(session(), requests));
  }

  @Override
  public java.util.Set<String> changedSecrets(
      ResourceType type, LiveResource live, ObjectNode configured) {
    TypeHandler<S> h = handler(type);
    return handlers.reading(type, () -> h.changedSecrets(live, configured));
  }

  @Override
  public List<LiveResource> importAll(ResourceType type) {
    TypeHandler<S> h = handler(type);
    return handlers.reading(type, () -> h.importAll(session()));
  }

  /**
   * The changes one after the other in one session, each a result of its own (see {@link
   * HandlerSet#write}).
   */
  @Override
  public List<ChangeResult> apply(List<Change> batch) {
    S session = session();
    List<ChangeResult> results = new ArrayList<>(batch.size());
    for (Change change : batch) {
      results.add(handlers.write(session, change));
    }
    return results;
  }
}
