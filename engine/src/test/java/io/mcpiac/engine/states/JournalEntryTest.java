package io.mcpiac.engine.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.resources.ResourceState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The journal's record column keeps the format Jackson's record mapping gave it: journals written
 * by earlier versions are read back after a crash, and what is written now reads the same.
 */
class JournalEntryTest {
  private static final ResourceRecord FULL =
      new ResourceRecord(
          "web",
          "docker:container",
          "docker",
          "abc123",
          (ObjectNode) Json.parse("{\"image\":\"nginx\",\"ports\":[{\"host\":8080}],\"n\":1.5}"),
          (ObjectNode) Json.parse("{\"ip\":\"10.0.0.2\"}"),
          List.of("net", "vol"),
          ResourceState.CREATED);
  private static final ResourceRecord SPARSE =
      new ResourceRecord("gone", "core:data", null, null, null, null, List.of(), null);

  @Test
  void theRecordIsWrittenAsJacksonsRecordMappingWroteIt() {
    for (ResourceRecord r : List.of(FULL, SPARSE)) {
      assertThat(JournalEntry.recordJson(r)).isEqualTo(Json.MAPPER.valueToTree(r));
    }
  }

  @Test
  void aRecordWrittenByJacksonOrNowReadsBackTheSame() {
    for (ResourceRecord r : List.of(FULL, SPARSE)) {
      for (ObjectNode stored :
          List.<ObjectNode>of(Json.MAPPER.valueToTree(r), JournalEntry.recordJson(r))) {
        JournalEntry entry =
            new JournalEntry(
                1,
                "d",
                1,
                JournalEntry.Phase.APPLY,
                io.mcpiac.engine.providers.Change.Kind.CREATE,
                r.name(),
                r.type(),
                r.provider(),
                r.id(),
                stored,
                JournalEntry.Status.INTENT,
                null,
                java.time.Instant.EPOCH,
                null);
        assertThat(entry.recorded()).isEqualTo(r);
      }
    }
  }

  @Test
  void theWrittenRecordIsACopy() {
    ObjectNode written = JournalEntry.recordJson(FULL);
    ((ObjectNode) written.get("properties")).put("image", "changed");
    assertThat(FULL.properties().get("image").asText()).isEqualTo("nginx");
  }
}
