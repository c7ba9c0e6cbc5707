package io.mcpiac.engine.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.core.CoreProvider;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A type written as its document and read back is the same type, every field of it. */
class TypeDocumentTest {
  static ResourceType roundTrip(ResourceType t) {
    // as it travels: text over MCP
    String text = Json.pretty(TypeDocument.encode(t, "mcp-iac://schema/types/" + t.name()));
    return TypeDocument.decode(t.name(), Json.parse(text));
  }

  @Test
  void everyFieldSurvivesIncludingCreateBeforeDestroy() {
    for (boolean createBeforeDestroy : new boolean[] {true, false}) {
      ResourceType t =
          new ResourceType(
              "x:thing",
              "A thing",
              Json.parse(
                  "{\"type\": \"object\", \"required\": [\"tag\"], \"properties\":"
                      + " {\"tag\": {\"type\": \"integer\"}, \"password\": {\"type\":"
                      + " \"string\"}}}"),
              Set.of("tag"),
              Set.of("password"),
              Map.of("id", "the id", "uuid", "the uuid"),
              createBeforeDestroy);
      assertThat(roundTrip(t)).isEqualTo(t);
      assertThat(roundTrip(t.unordered("groups"))).isEqualTo(t.unordered("groups"));
    }
  }

  @Test
  void theBuiltInTypesSurvive() {
    for (ResourceType t : new CoreProvider().resourceTypes()) {
      assertThat(roundTrip(t)).isEqualTo(t);
    }
  }

  @Test
  void aDocumentWithoutTheFlagReplacesDeleteFirst() {
    var doc = Json.parseObject("{\"type\": \"object\", \"title\": \"x:old\"}");
    assertThat(TypeDocument.decode("x:old", doc).createBeforeDestroy()).isFalse();
  }
}
