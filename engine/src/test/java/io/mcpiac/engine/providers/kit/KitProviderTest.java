package io.mcpiac.engine.providers.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.ChangeResult;
import io.mcpiac.engine.providers.LiveResource;
import io.mcpiac.engine.providers.ProviderException;
import io.mcpiac.engine.providers.ReadRequest;
import io.mcpiac.engine.resources.ResourceType;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The kit's base provider against a small in-memory system: dispatch by type, and every exception a
 * handler throws turned into what the Provider SPI promises (a failed result naming the resource,
 * or a ProviderException naming the type), in one place.
 */
class KitProviderTest {
  private static final ResourceType BOX =
      new ResourceType(
          "lab:box",
          "a box",
          Json.parse("{\"type\":\"object\"}"),
          Set.of(),
          Set.of(),
          Map.of(),
          true);

  /** The system: boxes by id; a box named "refused" is refused, "lost" loses the connection. */
  private final Map<String, ObjectNode> boxes = new LinkedHashMap<>();

  private int sessions;

  private final class BoxHandler implements TypeHandler<Map<String, ObjectNode>> {
    @Override
    public ResourceType type() {
      return BOX;
    }

    @Override
    public Map<String, LiveResource> read(
        Map<String, ObjectNode> system, List<ReadRequest> requests) {
      if (requests.stream().anyMatch(r -> r.name().equals("unreadable"))) {
        throw new IllegalStateException("the box list is garbled");
      }
      if (requests.stream().anyMatch(r -> r.name().equals("forbidden"))) {
        throw new ProviderException("401: the key is wrong");
      }
      Map<String, LiveResource> out = new LinkedHashMap<>();
      for (ReadRequest r : requests) {
        if (system.containsKey(r.id())) {
          out.put(r.name(), new LiveResource(r.name(), r.id(), system.get(r.id()), Json.object()));
        }
      }
      return out;
    }

    @Override
    public ChangeResult create(Map<String, ObjectNode> system, Change c) {
      if (c.name().equals("refused")) {
        throw new ProviderException("the box is too big");
      }
      if (c.name().equals("lost")) {
        throw new UncheckedIOException(new java.io.IOException("connection reset"));
      }
      system.put(c.id(), c.desired());
      return ChangeResult.ok(c.name(), c.id(), Json.object());
    }

    @Override
    public ChangeResult update(Map<String, ObjectNode> system, Change c) {
      system.put(c.id(), c.desired());
      return ChangeResult.ok(c.name(), c.id(), Json.object());
    }

    @Override
    public ChangeResult delete(Map<String, ObjectNode> system, Change c) {
      system.remove(c.id());
      return ChangeResult.ok(c.name(), c.id(), Json.object());
    }
  }

  private final KitProvider<Map<String, ObjectNode>> provider =
      new KitProvider<>("lab", List.of(new BoxHandler())) {
        @Override
        protected Map<String, ObjectNode> session() {
          sessions++;
          return boxes;
        }

        @Override
        protected Failure classify(RuntimeException e) {
          return e instanceof UncheckedIOException
              ? new Failure.OfBatch(new ProviderException("the lab did not answer", e))
              : Failure.ofChange(e);
        }
      };

  private static Change create(String name) {
    ObjectNode props = Json.object().put("size", 1);
    return new Change(Change.Kind.CREATE, name, BOX, name + "-id", null, props, Json.object());
  }

  @Test
  void aRefusedChangeFailsAloneNamingTheResource() {
    List<ChangeResult> results =
        provider.apply(List.of(create("a"), create("refused"), create("b")));
    assertThat(results).extracting(ChangeResult::success).containsExactly(true, false, true);
    assertThat(results.get(1).error()).isEqualTo("lab:box 'refused': the box is too big");
    assertThat(boxes).containsOnlyKeys("a-id", "b-id");
  }

  @Test
  void aLostConnectionFailsTheBatch() {
    assertThatThrownBy(() -> provider.apply(List.of(create("a"), create("lost"))))
        .isInstanceOf(ProviderException.class)
        .hasMessage("the lab did not answer");
  }

  @Test
  void readsDispatchAndTranslate() {
    provider.apply(List.of(create("a")));
    ReadRequest a = new ReadRequest("a", "a-id", null, null);
    ReadRequest gone = new ReadRequest("gone", "gone-id", null, null);
    assertThat(provider.read(BOX, List.of(a, gone))).containsOnlyKeys("a");
    assertThatThrownBy(
            () -> provider.read(BOX, List.of(new ReadRequest("unreadable", "x", null, null))))
        .isInstanceOf(ProviderException.class)
        .hasMessage("reading lab:box failed: IllegalStateException: the box list is garbled");
    // the system's own message passes as it is
    assertThatThrownBy(
            () -> provider.read(BOX, List.of(new ReadRequest("forbidden", "x", null, null))))
        .isInstanceOf(ProviderException.class)
        .hasMessage("401: the key is wrong");
  }

  @Test
  void anEmptyReadOpensNothing() {
    assertThat(provider.read(BOX, new ArrayList<>())).isEmpty();
    assertThat(sessions).isZero();
  }

  @Test
  void anUnknownTypeIsNamed() {
    ResourceType other =
        new ResourceType("lab:other", "", Json.object(), Set.of(), Set.of(), Map.of(), true);
    assertThatThrownBy(() -> provider.validate(other, "x", Json.object()))
        .isInstanceOf(ProviderException.class)
        .hasMessage("the lab provider has no type lab:other");
    assertThat(provider.resourceTypes()).containsExactly(BOX);
    assertThatThrownBy(() -> provider.importAll(BOX))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("lab:box");
  }
}
