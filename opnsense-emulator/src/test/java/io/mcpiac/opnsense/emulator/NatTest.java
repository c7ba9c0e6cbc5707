package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** NAT (2.6): port forward containers and inverted toggle, source NAT modes, one-to-one rules. */
class NatTest {
  static OpnsenseEmulator emu;
  static Client api;

  @BeforeAll
  static void start() {
    emu = OpnsenseEmulator.builder().version("26.7").build().start();
    api = new Client(emu);
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  static List<String> ids(JsonNode search) {
    List<String> out = new ArrayList<>();
    search.path("rows").forEach(r -> out.add(r.path("uuid").asText()));
    return out;
  }

  @Test
  void portForwardHasNestedContainersStampsAndACategoryMap() {
    String cat =
        api.post("/api/firewall/category/addItem", "{\"category\":{\"name\":\"nat\"}}")
            .json()
            .path("uuid")
            .asText();
    String id =
        api.post(
                "/api/firewall/d_nat/addRule",
                "{\"rule\":{\"interface\":\"wan\",\"protocol\":\"tcp\",\"destination\":{\"network\":\"wanip\",\"port\":\"443\"},"
                    + "\"target\":\"10.0.0.10\",\"local-port\":\"8443\",\"category\":\"nat\",\"descr\":\"web\","
                    + "\"created\":{\"username\":\"forged\"}}}")
            .json()
            .path("uuid")
            .asText();
    JsonNode r = api.get("/api/firewall/d_nat/getRule/" + id).json().path("rule");
    assertThat(r.at("/destination/port").asText()).isEqualTo("443");
    assertThat(r.at("/destination/network").asText()).isEqualTo("wanip");
    assertThat(r.at("/%target").isMissingNode()).isTrue();
    assertThat(r.at("/protocol/tcp/selected").asInt()).isEqualTo(1);
    assertThat(r.at("/protocol/").path("value").asText()).isEqualTo("any");
    assertThat(r.at("/created/username").asText()).isEqualTo("root@127.0.0.1");
    assertThat(r.at("/updated/description").asText())
        .isEqualTo("/api/firewall/d_nat/addRule made changes");
    assertThat(r.path("categories").asText()).isEqualTo(cat);
    assertThat(r.at("/category/nat/selected").asInt()).isEqualTo(1);

    Client.Reply bad =
        api.post(
            "/api/firewall/d_nat/addRule",
            "{\"rule\":{\"nordr\":\"1\",\"target\":\"10.0.0.1\",\"ipprotocol\":\"inet6\"}}");
    assertThat(bad.json().at("/validations/rule.target").toString())
        .contains("Target must be empty when No RDR is set.");

    // category renames are written into the name-based references
    api.post("/api/firewall/category/setItem/" + cat, "{\"category\":{\"name\":\"nat2\"}}");
    assertThat(
            api.get("/api/firewall/d_nat/getRule/" + id)
                .json()
                .at("/rule/category/nat2/selected")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void portForwardToggleIsInvertedAndSearchHasTheLockoutRow() {
    String id =
        api.post(
                "/api/firewall/d_nat/addRule",
                "{\"rule\":{\"interface\":\"wan\",\"descr\":\"toggle me\"}}")
            .json()
            .path("uuid")
            .asText();
    assertThat(api.post("/api/firewall/d_nat/toggleRule/" + id).body())
        .isEqualTo("{\"result\":\"Disabled\"}");
    assertThat(api.get("/api/firewall/d_nat/getRule/" + id).json().at("/rule/disabled").asText())
        .isEqualTo("1");
    assertThat(api.post("/api/firewall/d_nat/toggleRule/" + id + "/0").body())
        .isEqualTo("{\"result\":\"Enabled\"}");
    assertThat(api.post("/api/firewall/d_nat/toggleRule/" + id + "/1").body())
        .isEqualTo("{\"result\":\"Disabled\"}");
    JsonNode search = api.get("/api/firewall/d_nat/searchRule").json();
    assertThat(search.at("/rows/0/uuid").asText()).isEqualTo("lockout_0");
    assertThat(search.at("/rows/0/is_automatic").asBoolean()).isTrue();
    assertThat(search.path("total").asInt()).isEqualTo(search.path("rows").size() - 1);
    JsonNode row =
        api.get("/api/firewall/d_nat/searchRule?searchPhrase=toggle").json().at("/rows/1");
    assertThat(row.path("destination.port").isTextual()).isTrue();
    assertThat(row.path("descr").asText()).isEqualTo("toggle me");
  }

  @Test
  void sourceNatRulesAreListedOnlyInHybridOrAdvancedModeOn267() {
    assertThat(
            api.get("/api/firewall/source_nat/get")
                .json()
                .at("/filter/general/snat_mode/automatic/selected")
                .asInt())
        .isEqualTo(1);
    String id =
        api.post(
                "/api/firewall/source_nat/addRule",
                "{\"rule\":{\"interface\":\"wan\",\"target\":\"wanip\",\"description\":\"mode\"}}")
            .json()
            .path("uuid")
            .asText();
    List<String> automatic = ids(api.post("/api/firewall/source_nat/searchRule", "{}").json());
    assertThat(automatic).contains("automatic_wan", "automatic_isakmp_wan").doesNotContain(id);
    assertThat(
            api.post(
                    "/api/firewall/source_nat/set",
                    "{\"filter\":{\"general\":{\"snat_mode\":\"advanced\"}}}")
                .body())
        .isEqualTo("{\"result\":\"saved\"}");
    List<String> advanced = ids(api.post("/api/firewall/source_nat/searchRule", "{}").json());
    assertThat(advanced).contains(id).doesNotContain("automatic_wan");
    assertThat(
            api.post(
                    "/api/firewall/source_nat/set",
                    "{\"filter\":{\"general\":{\"snat_mode\":\"sometimes\"}}}")
                .body())
        .isEqualTo(
            "{\"result\":\"failed\",\"validations\":{\"filter.general.snat_mode\":\"Option [] not in list.\"}}");
    assertThat(api.post("/api/firewall/source_nat/get").body()).isEqualTo("[]");
    try (OpnsenseEmulator old = OpnsenseEmulator.builder().version("26.1").build().start()) {
      Client c = new Client(old);
      String oldId =
          c.post(
                  "/api/firewall/source_nat/addRule",
                  "{\"rule\":{\"interface\":\"wan\",\"target\":\"wanip\"}}")
              .json()
              .path("uuid")
              .asText();
      assertThat(ids(c.get("/api/firewall/source_nat/searchRule").json())).containsExactly(oldId);
      // ≤26.1 source_nat/get is FilterBaseController's: the whole Filter model
      assertThat(
              c.get("/api/firewall/source_nat/get").json().at("/filter/snatrules/rule").has(oldId))
          .isTrue();
    }
  }

  @Test
  void oneToOneChecksBinatSubnets() {
    Client.Reply mismatch =
        api.post(
            "/api/firewall/one_to_one/addRule",
            "{\"rule\":{\"source_net\":\"192.168.1.0/24\",\"external\":\"203.0.113.0/28\"}}");
    assertThat(mismatch.json().at("/validations/rule.external").asText())
        .isEqualTo("External subnet should match internal subnet.");
    Client.Reply family =
        api.post(
            "/api/firewall/one_to_one/addRule",
            "{\"rule\":{\"source_net\":\"192.168.1.5\",\"external\":\"2001:db8::5\"}}");
    // Filter::performValidation files it under every field holding an address
    assertThat(family.json().at("/validations/rule.source_net").asText())
        .isEqualTo("IP protocol families should match.");
    assertThat(family.json().at("/validations/rule.external").toString())
        .contains("IP protocol families should match.");
    Client.Reply required = api.post("/api/firewall/one_to_one/addRule", "{\"rule\":{}}");
    assertThat(required.json().at("/validations/rule.source_net").toString())
        .contains("A value is required.");
    assertThat(required.json().at("/validations/rule.external").asText())
        .isEqualTo("A value is required.");
    assertThat(api.post("/api/firewall/one_to_one/apply").body())
        .isEqualTo("{\"status\":\"OK\\n\\n\"}");
  }
}
