package io.mcpiac.engine.providers.kit;

import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.resources.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A provider's handlers by type name, and the one place where what a handler throws becomes the
 * provider's answer: a failed {@link ChangeResult} naming the resource, or a {@link
 * ProviderException} naming the type.
 */
public final class HandlerSet<S> {
  private final String provider;
  private final Map<String, TypeHandler<S>> byType = new LinkedHashMap<>();
  private final Function<RuntimeException, Failure> classify;

  /**
   * @param classify what an exception of the provider's system means (see {@link Failure})
   */
  public HandlerSet(
      String provider,
      List<? extends TypeHandler<S>> handlers,
      Function<RuntimeException, Failure> classify) {
    this.provider = provider;
    this.classify = classify;
    for (TypeHandler<S> h : handlers) {
      if (byType.put(h.type().name(), h) != null) {
        throw new IllegalArgumentException("two handlers for " + h.type().name());
      }
    }
  }

  public List<ResourceType> types() {
    return byType.values().stream().map(TypeHandler::type).toList();
  }

  public List<TypeHandler<S>> all() {
    return List.copyOf(byType.values());
  }

  /**
   * @throws ProviderException when the provider has no such type
   */
  public TypeHandler<S> get(String type) {
    TypeHandler<S> h = byType.get(type);
    if (h == null) {
      throw new ProviderException("the " + provider + " provider has no type " + type);
    }
    return h;
  }

  /**
   * One change, dispatched by its kind. An exception the system answered for this change is a
   * failed result ({@code TYPE 'NAME': why}); one that leaves the batch's outcome unknown is
   * thrown.
   */
  public ChangeResult write(S session, Change change) {
    TypeHandler<S> h = get(change.type().name());
    try {
      return switch (change.kind()) {
        case CREATE -> h.create(session, change);
        case UPDATE -> h.update(session, change);
        case DELETE -> h.delete(session, change);
      };
    } catch (RuntimeException e) {
      Failure f = classify.apply(e);
      if (f instanceof Failure.OfBatch b) {
        throw b.error();
      }
      return failed(change, ((Failure.OfChange) f).message());
    }
  }

  /** A failed result whose message names the resource. */
  public static ChangeResult failed(Change change, String why) {
    return ChangeResult.failed(
        change.name(), change.type().name() + " '" + change.name() + "': " + why);
  }

  /**
   * A read or import of {@code type}: a {@link ProviderException} passes as it is, anything else
   * becomes one naming the type, or the batch-level error the provider gives for it.
   */
  public <T> T reading(ResourceType type, Supplier<T> call) {
    try {
      return call.get();
    } catch (ProviderException | UnsupportedOperationException e) {
      throw e;
    } catch (RuntimeException e) {
      Failure f = classify.apply(e);
      if (f instanceof Failure.OfBatch b) {
        throw b.error();
      }
      throw new ProviderException(
          "reading " + type.name() + " failed: " + ((Failure.OfChange) f).message(), e);
    }
  }
}
