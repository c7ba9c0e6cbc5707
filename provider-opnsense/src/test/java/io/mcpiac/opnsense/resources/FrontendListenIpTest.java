package io.mcpiac.opnsense.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.json.Json;
import org.junit.jupiter.api.Test;

/** A frontend's {@code ip} output in every form a bind takes. */
class FrontendListenIpTest {
  @Test
  void theHostOfEachFormOfBind() {
    assertThat(HaproxyFrontendMapping.listenIp("203.0.113.10:443")).isEqualTo("203.0.113.10");
    assertThat(HaproxyFrontendMapping.listenIp(" [2001:db8::10]:443 ")).isEqualTo("2001:db8::10");
    assertThat(HaproxyFrontendMapping.listenIp("2001:db8::10")).isEqualTo("2001:db8::10");
    assertThat(HaproxyFrontendMapping.listenIp("0.0.0.0:80")).isEqualTo("0.0.0.0");
    assertThat(HaproxyFrontendMapping.listenIp("portal.example")).isEqualTo("portal.example");
  }

  @Test
  void theFirstBindOfSeveralAsTheFirewallReturnsThemOrAsWritten() {
    HaproxyFrontendMapping m = new HaproxyFrontendMapping();
    var fromRow =
        m.outputs(
            "haproxy",
            "id",
            java.util.Map.of("bind", "198.51.100.7:443,198.51.100.8:443", "name", "haproxy"),
            Json.object());
    assertThat(fromRow.path("ip").asText()).isEqualTo("198.51.100.7");
    var props = Json.object();
    props.putArray("bind").add("[2001:db8::1]:443").add("198.51.100.8:443");
    assertThat(m.outputs("haproxy", "id", null, props).path("ip").asText())
        .isEqualTo("2001:db8::1");
  }
}
