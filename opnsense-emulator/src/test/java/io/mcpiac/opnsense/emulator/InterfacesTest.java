package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** VLANs (2.4) and interface assignment (2.5, 26.7 only). */
class InterfacesTest {
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

  static String addVlan(String body) {
    Client.Reply r = api.post("/api/interfaces/vlan_settings/addItem", body);
    assertThat(r.json().path("result").asText()).as(r.body()).isEqualTo("saved");
    return r.json().path("uuid").asText();
  }

  @Test
  void vlanDevicesAreNamedAutomaticallyAndValidatedAsInTheContract() {
    String a =
        addVlan(
            "{\"vlan\":{\"if\":\"igb1\",\"tag\":\"100\",\"pcp\":\"0\",\"proto\":\"\",\"descr\":\"servers\"}}");
    JsonNode v = api.get("/api/interfaces/vlan_settings/getItem/" + a).json().path("vlan");
    String dev = v.path("vlanif").asText();
    assertThat(dev).matches("vlan0\\d+");
    assertThat(v.at("/if/igb1").toString())
        .isEqualTo("{\"value\":\"igb1 (00:0d:b9:00:00:02) [LAN]\",\"selected\":1}");
    assertThat(v.at("/pcp/0/value").asText()).isEqualTo("Best Effort (0, default)");
    assertThat(v.at("/proto/").toString()).isEqualTo("{\"value\":\"Automatic\",\"selected\":1}");
    String qinq = addVlan("{\"vlan\":{\"if\":\"" + dev + "\",\"tag\":\"7\"}}");
    assertThat(
            api.get("/api/interfaces/vlan_settings/getItem/" + qinq)
                .json()
                .at("/vlan/vlanif")
                .asText())
        .startsWith("qinq0");

    assertThat(
            api.post(
                    "/api/interfaces/vlan_settings/addItem",
                    "{\"vlan\":{\"if\":\"igb1\",\"tag\":\"5000\"}}")
                .body())
        .isEqualTo(
            "{\"result\":\"failed\",\"validations\":{\"vlan.tag\":\"Invalid integer value.\"}}");
    assertThat(
            api.post(
                    "/api/interfaces/vlan_settings/addItem",
                    "{\"vlan\":{\"if\":\"igb1\",\"tag\":\"100\"}}")
                .body())
        .isEqualTo(
            "{\"result\":\"failed\",\"validations\":{\"vlan.tag\":[\"Tag for this device must be unique.\"]}}");
    assertThat(
            api.post(
                    "/api/interfaces/vlan_settings/addItem",
                    "{\"vlan\":{\"if\":\"nosuchdev\",\"tag\":\"7\"}}")
                .body())
        .isEqualTo(
            "{\"result\":\"failed\",\"validations\":{\"vlan.if\":\"Option [] not in list.\"}}");
    Client.Reply name =
        api.post(
            "/api/interfaces/vlan_settings/addItem",
            "{\"vlan\":{\"if\":\"igb1\",\"tag\":\"9\",\"vlanif\":\"eth9\"}}");
    assertThat(name.json().at("/validations/vlan.vlanif").asText())
        .isEqualTo("The device name prefix \"vlan\" is required.");

    // the QinQ parent cannot go while its child exists
    Client.Reply del = api.post("/api/interfaces/vlan_settings/delItem/" + a);
    assertThat(del.status()).isEqualTo(500);
    assertThat(del.json().path("errorMessage").asText())
        .isEqualTo("This VLAN cannot be deleted because it is used in QinQ interfaces.");
    assertThat(api.post("/api/interfaces/vlan_settings/reconfigure").body())
        .isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void assignedVlanKeepsItsTagShowsItsInterfaceAndCannotBeDeleted() {
    String id = addVlan("{\"vlan\":{\"if\":\"igb0\",\"tag\":\"200\",\"descr\":\"assigned\"}}");
    String dev =
        api.get("/api/interfaces/vlan_settings/getItem/" + id).json().at("/vlan/vlanif").asText();
    Client.Reply assign =
        api.post(
            "/api/interfaces/assignment/addItem",
            "{\"interface\":{\"if\":\"" + dev + "\",\"descr\":\"guests\"}}");
    assertThat(assign.json().path("result").asText()).isEqualTo("saved");
    assertThat(assign.json().path("uuid").asText()).matches("[0-9a-f-]{36}");
    JsonNode row =
        api.get("/api/interfaces/vlan_settings/searchItem?searchPhrase=assigned")
            .json()
            .at("/rows/0");
    assertThat(row.path("vlanif").asText()).isEqualTo(dev + " [guests]");
    assertThat(
            api.post(
                    "/api/interfaces/vlan_settings/setItem/" + id,
                    "{\"vlan\":{\"tag\":\"201\",\"vlanif\":\"vlan0999\"}}")
                .json()
                .at("/validations/vlan.tag")
                .asText())
        .isEqualTo("Interface is assigned and you cannot change the VLAN tag while assigned.");
    Client.Reply del = api.post("/api/interfaces/vlan_settings/delItem/" + id);
    assertThat(del.status()).isEqualTo(500);
    assertThat(del.json().path("errorMessage").asText())
        .isEqualTo("This VLAN cannot be deleted because it is assigned as an interface.");
  }

  @Test
  void assignmentIsKeyedByInterfaceIdentifier() {
    Client.Reply added =
        api.post(
            "/api/interfaces/assignment/addItem",
            "{\"interface\":{\"if\":\"igb3\",\"descr\":\"dmz\"}}");
    assertThat(added.json().path("result").asText()).isEqualTo("saved");
    JsonNode search = api.get("/api/interfaces/assignment/searchItem?searchPhrase=dmz").json();
    String ifname = search.at("/rows/0/uuid").asText();
    assertThat(ifname).matches("opt\\d+");
    JsonNode item =
        api.get("/api/interfaces/assignment/getItem/" + ifname).json().path("interface");
    assertThat(item.path("identifier").asText()).isEqualTo(ifname);
    assertThat(item.at("/if/igb3/selected").asInt()).isEqualTo(1);
    assertThat(
            api.post("/api/interfaces/assignment/addItem", "{\"interface\":{\"if\":\"igb3\"}}")
                .json()
                .at("/validations/interface.if")
                .toString())
        .contains("Can not assign a device to more interfaces.");
    assertThat(
            api.get("/api/firewall/filter/getRule")
                .json()
                .at("/rule/interface/" + ifname + "/value")
                .asText())
        .isEqualTo("dmz");
    Client.Reply locked = api.post("/api/interfaces/assignment/delItem/" + ifname);
    assertThat(locked.status()).isEqualTo(500);
    assertThat(
            api.post(
                    "/api/interfaces/assignment/setItem/" + ifname,
                    "{\"interface\":{\"lock\":\"0\"}}")
                .body())
        .isEqualTo("{\"result\":\"saved\"}");
    assertThat(api.post("/api/interfaces/assignment/delItem/" + ifname).body())
        .isEqualTo("{\"result\":\"deleted\"}");
    assertThat(api.post("/api/interfaces/assignment/reconfigure").body())
        .isEqualTo("{\"status\":\"ok\"}");
    assertThat(api.post("/api/interfaces/assignment/delItem/lan").status()).isEqualTo(500);
  }

  @Test
  void assignmentApiDoesNotExistOn261() {
    try (OpnsenseEmulator old = OpnsenseEmulator.builder().version("26.1").build().start()) {
      assertThat(new Client(old).get("/api/interfaces/assignment/searchItem").status())
          .isEqualTo(404);
    }
  }
}
