package io.mcpiac.opnsense.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldDecoderTest {
  @Test
  void decodesOptionMapsListsEmptyArraysContainersAndIgnoresDescriptions() {
    Map<String, String> flat =
        FieldDecoder.flatten(
            Json.parse(
                """
                {"enabled":"1","action":{"pass":{"value":"Pass","selected":1},"block":{"value":"Block","selected":0}},
                 "interface":{"lan":{"value":"LAN","selected":1},"opt1":{"value":"DMZ","selected":1}},
                 "gateway":{"":{"value":"None","selected":1}},
                 "categories":[],
                 "source":{"network":"lan","not":"0"},
                 "source_net":"lan","%source_net":"LAN net"}
                """));
    assertThat(flat)
        .containsEntry("enabled", "1")
        .containsEntry("action", "pass")
        .containsEntry("interface", "lan,opt1")
        .containsEntry("gateway", "")
        .containsEntry("categories", "")
        .containsEntry("source.network", "lan")
        .containsEntry("source.not", "0")
        .doesNotContainKey("%source_net");
  }

  @Test
  void versionsTellWhatTheApiOffers() {
    assertThat(FirewallVersion.parse("26.1.6").hasSavepoints()).isTrue();
    assertThat(FirewallVersion.parse("26.7.2").hasSavepoints()).isFalse();
    assertThat(FirewallVersion.parse("26.7").hasAssignmentApi()).isTrue();
    assertThat(FirewallVersion.parse("25.7.1_2").searchesAllRules()).isFalse();
  }
}
