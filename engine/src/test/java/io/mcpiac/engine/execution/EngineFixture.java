package io.mcpiac.engine.execution;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.ProviderRegistry;
import io.mcpiac.engine.providers.core.CoreProvider;
import io.mcpiac.engine.states.StateStore;
import io.mcpiac.engine.states.StateStores;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The real engine with the core provider and an empty state at {@code location}. */
public final class EngineFixture implements AutoCloseable {
  public final StateStore store;
  final ProviderRegistry registry = new ProviderRegistry();
  public final Engine engine;
  final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());

  public EngineFixture(String location) {
    store = StateStores.open(location);
    registry.register(CoreProvider.NAME, new CoreProvider());
    engine = new Engine(registry, store);
  }

  public ExecutionResult apply(Deployment d) {
    return apply(d, ExecutionOptions.DEFAULTS);
  }

  ExecutionResult apply(Deployment d, ExecutionOptions options) {
    Engine.Applied applied =
        engine.planAndApply(d, options, p -> true, events::add, new Cancellation());
    return applied.result();
  }

  public Plan plan(Deployment d) {
    return engine.plan(d);
  }

  /** Resource names in the order their actions started running. */
  List<String> started() {
    synchronized (events) {
      return events.stream()
          .filter(e -> e.kind() == ProgressEvent.Kind.ACTION_UPDATE && "running".equals(e.status()))
          .map(ProgressEvent::resource)
          .toList();
    }
  }

  List<String> finishedOrder() {
    synchronized (events) {
      return events.stream()
          .filter(
              e -> e.kind() == ProgressEvent.Kind.ACTION_UPDATE && "complete".equals(e.status()))
          .map(ProgressEvent::resource)
          .toList();
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
