package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Model differences between the 26.1 and 26.7 profiles (contract section 4). */
class VersionDifferencesTest {
  static OpnsenseEmulator old;
  static Client api;

  @BeforeAll
  static void start() {
    old = OpnsenseEmulator.builder().version("26.1").build().start();
    api = new Client(old);
  }

  @AfterAll
  static void stop() {
    old.close();
  }

  @Test
  void keaReservationsNeedAMacAndHaveNoClientIdOn261() {
    String subnet =
        api.post("/api/kea/dhcpv4/addSubnet", "{\"subnet4\":{\"subnet\":\"10.20.0.0/24\"}}")
            .json()
            .path("uuid")
            .asText();
    Client.Reply r =
        api.post(
            "/api/kea/dhcpv4/addReservation",
            "{\"reservation\":{\"subnet\":\""
                + subnet
                + "\",\"ip_address\":\"10.20.0.5\",\"client_id\":\"01:02:03\"}}");
    assertThat(r.body())
        .isEqualTo(
            "{\"result\":\"failed\",\"validations\":{\"reservation.hw_address\":\"A value is required.\"}}");
    JsonNode template = api.get("/api/kea/dhcpv4/getReservation").json().path("reservation");
    assertThat(template.has("client_id")).isFalse();
    assertThat(api.get("/api/kea/dhcpv4/getSubnet").json().path("subnet4").has("ddns_forward_zone"))
        .isFalse();
  }

  @Test
  void unboundHostsShowAnAliasCountInsteadOfTheAliasesField() {
    String id =
        api.post(
                "/api/unbound/settings/addHostOverride",
                "{\"host\":{\"hostname\":\"h\",\"domain\":\"example.org\",\"server\":\"10.0.0.1\",\"aliases\":\"x.example.org\"}}")
            .json()
            .path("uuid")
            .asText();
    JsonNode h = api.get("/api/unbound/settings/getHostOverride/" + id).json().path("host");
    assertThat(h.has("aliases")).isFalse();
    assertThat(h.has("addptr")).isFalse();
    assertThat(h.path("aliascount").asText()).isEqualTo("0");
    assertThat(
            api.get("/api/unbound/settings/searchHostOverride")
                .json()
                .at("/rows/0")
                .has("_children"))
        .isFalse();
  }

  @Test
  void sourceNatHasNoTagOrStaticPortOn261() {
    JsonNode t = api.get("/api/firewall/source_nat/getRule").json().path("rule");
    assertThat(t.has("staticnatport")).isFalse();
    assertThat(t.has("tag")).isFalse();
    assertThat(t.has("tagged")).isTrue();
  }

  @Test
  void safeDeleteTitleNamesTheItemFrom2613() {
    String cat =
        api.post("/api/firewall/category/addItem", "{\"category\":{\"name\":\"old\"}}")
            .json()
            .path("uuid")
            .asText();
    api.post("/api/firewall/filter/addRule", "{\"rule\":{\"categories\":\"" + cat + "\"}}");
    // delBase's title names the item since 26.1.3 (ApiMutableModelControllerBase::delBase)
    assertThat(api.post("/api/firewall/category/delItem/" + cat).json().path("errorTitle").asText())
        .isEqualTo("Item categories.category {old} in use by:");
  }

  @Test
  void arraysForScalarsAreStoredAsTheWordArrayOn261() {
    Client.Reply r =
        api.post("/api/firewall/category/addItem", "{\"category\":{\"name\":[\"a\"]}}");
    assertThat(r.status()).isEqualTo(200);
    String id = r.json().path("uuid").asText();
    assertThat(api.get("/api/firewall/category/getItem/" + id).json().at("/category/name").asText())
        .isEqualTo("Array");
  }
}
