package io.mcpiac.engine.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceType;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A list the type keeps as a set is the same in any order: what a provider behind an MCP server
 * records sorted is no change when the file lists it otherwise (the orchestrator cannot ask the
 * server's canonical form, only read the type document).
 */
class PropertyDiffTest {
  private static final ResourceType GROUP =
      new ResourceType("x:group", null, Json.object(), Set.of("name"), Set.of(), Map.of(), false)
          .unordered("subnetIds");

  @Test
  void anUnorderedListInAnotherOrderIsNoChangeButAnOrderedOneIs() {
    ObjectNode recorded =
        Json.parseObject("{\"subnetIds\": [\"a\", \"b\"], \"dns\": [\"1\", \"2\"]}");
    ObjectNode desired =
        Json.parseObject("{\"subnetIds\": [\"b\", \"a\"], \"dns\": [\"2\", \"1\"]}");
    assertThat(PropertyDiff.diff(GROUP, recorded, desired))
        .extracting(PropertyChange::path)
        .containsExactly("dns");
  }

  @Test
  void anUnorderedListWithOtherElementsIsAChange() {
    ObjectNode recorded = Json.parseObject("{\"subnetIds\": [\"a\", \"b\"]}");
    for (String other : new String[] {"[\"a\", \"c\"]", "[\"a\"]", "[\"a\", \"a\", \"b\"]"}) {
      ObjectNode desired = Json.parseObject("{\"subnetIds\": " + other + "}");
      assertThat(PropertyDiff.diff(GROUP, recorded, desired)).as(other).hasSize(1);
    }
  }
}
