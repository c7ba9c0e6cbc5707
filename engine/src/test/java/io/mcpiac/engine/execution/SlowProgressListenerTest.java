package io.mcpiac.engine.execution;

import static io.mcpiac.engine.config.DeploymentBuilder.deployment;
import static io.mcpiac.engine.config.DeploymentBuilder.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MCP client that is slow to take progress notifications (the SDK blocks on each one) must not
 * stall the apply: the scheduler never calls a listener while it holds its lock.
 */
class SlowProgressListenerTest {
  @TempDir Path dir;
  EngineFixture fx;
  final RecordingProvider provider = new RecordingProvider();

  @BeforeEach
  void setUp() {
    fx = new EngineFixture(StateBackend.SQLITE.freshLocation(dir));
    fx.registry.register("recording", provider);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void aBlockedListenerDoesNotStopTheOtherActionsFromBeingDispatchedAndCompleted()
      throws Exception {
    // a chain, so every action after the first is only dispatched once the one before it finished,
    // and two independent ones beside it
    Deployment d =
        deployment("slow-client")
            .resource("recording:item", "a", r -> r.property("value", "a"))
            .resource("recording:item", "b", r -> r.property("value", ref("a", "value")))
            .resource("recording:item", "c", r -> r.property("value", ref("b", "value")))
            .resource("recording:item", "x", r -> r.property("value", "x"))
            .resource("recording:item", "y", r -> r.property("value", "y"))
            .build();
    CountDownLatch listenerBlocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<ProgressEvent> delivered = new CopyOnWriteArrayList<>();
    ProgressListener slowClient =
        e -> {
          delivered.add(e);
          if (e.kind() == ProgressEvent.Kind.ACTION_UPDATE && "running".equals(e.status())) {
            listenerBlocked.countDown();
            try {
              release.await();
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
            }
          }
        };

    CompletableFuture<Engine.Applied> apply =
        CompletableFuture.supplyAsync(
            () ->
                fx.engine.planAndApply(
                    d,
                    new ExecutionOptions(2, false, true),
                    p -> true,
                    slowClient,
                    new Cancellation()));
    try {
      assertThat(listenerBlocked.await(30, TimeUnit.SECONDS))
          .as("the listener got its first action event")
          .isTrue();
      assertThat(provider.allApplied.await(30, TimeUnit.SECONDS))
          .as(
              "every action was handed to the provider while the listener was blocked; got %s",
              provider.applied)
          .isTrue();
      assertThat(provider.applied).containsExactlyInAnyOrder("a", "b", "c", "x", "y");
      assertThat(provider.applied.indexOf("a")).isLessThan(provider.applied.indexOf("b"));
      assertThat(provider.applied.indexOf("b")).isLessThan(provider.applied.indexOf("c"));
    } finally {
      release.countDown();
    }

    Engine.Applied applied = apply.get(60, TimeUnit.SECONDS);
    assertThat(applied.result().success()).isTrue();
    assertThat(fx.engine.state("slow-client").resources())
        .containsOnlyKeys("a", "b", "c", "x", "y");
    // once the listener is free again it is told everything, in order, before apply returns
    assertThat(delivered.get(delivered.size() - 1).kind()).isEqualTo(ProgressEvent.Kind.COMPLETE);
    assertThat(
            delivered.stream()
                .filter(e -> e.kind() == ProgressEvent.Kind.ACTION_UPDATE)
                .filter(e -> "complete".equals(e.status()))
                .map(ProgressEvent::resource))
        .containsExactlyInAnyOrder("a", "b", "c", "x", "y");
  }

  /** Records every change it is asked to make; each call succeeds. */
  static final class RecordingProvider implements Provider {
    static final ResourceType ITEM =
        new ResourceType(
            "recording:item",
            "An item whose writes are recorded.",
            Json.parse("{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"string\"}}}"),
            Set.of(),
            Set.of(),
            Map.of(),
            false);

    final List<String> applied = new CopyOnWriteArrayList<>();
    final CountDownLatch allApplied = new CountDownLatch(5);

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public List<ResourceType> resourceTypes() {
      return List.of(ITEM);
    }

    @Override
    public Map<String, LiveResource> read(ResourceType type, List<ReadRequest> resources) {
      return Map.of();
    }

    @Override
    public List<ChangeResult> apply(List<Change> batch) {
      List<ChangeResult> out = new ArrayList<>();
      for (Change c : batch) {
        applied.add(c.name());
        allApplied.countDown();
        out.add(ChangeResult.ok(c.name(), c.id(), Json.object()));
      }
      return out;
    }

    @Override
    public void close() {}
  }
}
