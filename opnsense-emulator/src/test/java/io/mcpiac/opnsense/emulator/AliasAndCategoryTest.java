package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Aliases (2.2) and categories (2.3): built-ins, content, references, in-use deletes. */
class AliasAndCategoryTest {
  static OpnsenseEmulator emu;
  static Client api;

  @BeforeAll
  static void start() {
    emu = OpnsenseEmulator.builder().build().start();
    api = new Client(emu);
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  static String addAlias(String name, String type, String content) {
    Client.Reply r =
        api.post(
            "/api/firewall/alias/addItem",
            "{\"alias\":{\"name\":\""
                + name
                + "\",\"type\":\""
                + type
                + "\",\"content\":\""
                + content
                + "\"}}");
    assertThat(r.json().path("result").asText()).as(r.body()).isEqualTo("saved");
    return r.json().path("uuid").asText();
  }

  @Test
  void contractValidationExamples() {
    Client.Reply bad =
        api.post(
            "/api/firewall/alias/addItem",
            "{\"alias\":{\"name\":\"1bad\",\"type\":\"host\",\"content\":\"10.0.0.300\"}}");
    assertThat(bad.json().at("/validations/alias.name").asText())
        .startsWith("The name must start with a letter or single underscore");
    assertThat(bad.json().at("/validations/alias.content").asText())
        .isEqualTo("Entry \"10.0.0.300\" is not a valid hostname, IP address or range.");
    assertThat(api.post("/api/firewall/alias/addItem", "{\"alias\":{\"name\":\"x1\"}}").body())
        .isEqualTo(
            "{\"result\":\"failed\",\"validations\":{\"alias.type\":\"Option [] not in list.\"}}");
    Client.Reply comma =
        api.post(
            "/api/firewall/alias/addItem",
            "{\"alias\":{\"name\":\"commas\",\"type\":\"host\",\"content\":\"10.0.0.10,10.0.0.11\"}}");
    assertThat(comma.json().path("result").asText()).isEqualTo("failed");
    assertThat(
            api.post(
                    "/api/firewall/alias/addItem",
                    "{\"alias\":{\"name\":\"bogons\",\"type\":\"host\"}}")
                .json()
                .at("/validations/alias.name")
                .asText())
        .isEqualTo("An alias with this name already exists.");
    assertThat(
            api.post(
                    "/api/firewall/alias/addItem",
                    "{\"alias\":{\"name\":\"pass\",\"type\":\"host\"}}")
                .json()
                .at("/validations/alias.name")
                .isMissingNode())
        .isFalse();
    assertThat(
            api.post(
                    "/api/firewall/alias/addItem",
                    "{\"alias\":{\"name\":\"dyn\",\"type\":\"dynipv6host\"}}")
                .json()
                .at("/validations/alias.interface")
                .toString())
        .as("referenced from type: the constraint runs twice, so a one-element array")
        .isEqualTo("[\"IPv6 Dynamic Host require an interface to track.\"]");
  }

  @Test
  void getListsContentItemsAndEveryAliasName() {
    String id = addAlias("web_farm", "host", "10.0.0.10\\n10.0.0.11");
    JsonNode a = api.get("/api/firewall/alias/getItem/" + id).json().path("alias");
    assertThat(a.at("/content/10.0.0.10").toString())
        .isEqualTo("{\"value\":\"10.0.0.10\",\"selected\":1}");
    assertThat(a.at("/content/bogons/selected").asInt()).isZero();
    assertThat(a.at("/content/bogons/description").asText()).isEqualTo("bogon networks (internal)");
    assertThat(a.at("/content/__lan_network/selected").asInt()).isZero();
    assertThat(a.at("/type/host/value").asText()).isEqualTo("Host(s)");
    String empty = addAlias("empty_one", "network", "");
    JsonNode e = api.get("/api/firewall/alias/getItem/" + empty).json().path("alias");
    assertThat(e.at("/content/").toString()).isEqualTo("{\"value\":\"\",\"selected\":1}");
  }

  @Test
  void searchIncludesBuiltinsAndFiltersByType() {
    addAlias("ports_web", "port", "80\\n443\\n8000:8080");
    List<String> ids = new ArrayList<>();
    api.get("/api/firewall/alias/searchItem")
        .json()
        .path("rows")
        .forEach(r -> ids.add(r.path("uuid").asText()));
    assertThat(ids)
        .contains(
            "bogons", "bogonsv6", "sshlockout", "virusprot", "__lan_network", "__wan_network");
    JsonNode ports = api.get("/api/firewall/alias/searchItem?type%5B%5D=port").json();
    ports.path("rows").forEach(r -> assertThat(r.path("type").asText()).isEqualTo("port"));
    assertThat(ports.path("total").asInt()).isEqualTo(1);
    JsonNode row = ports.at("/rows/0");
    assertThat(row.path("%type").asText()).isEqualTo("Port(s)");
    assertThat(row.path("content").asText()).isEqualTo("80\n443\n8000:8080");
    JsonNode sorted =
        api.post(
                "/api/firewall/alias/searchItem",
                "{\"rowCount\":2,\"current\":1,\"sort\":{\"name\":\"asc\"}}")
            .json();
    assertThat(sorted.path("rowCount").asInt()).isEqualTo(2);
    assertThat(sorted.path("total").asInt()).isGreaterThan(2);
    assertThat(sorted.at("/rows/0/name").asText()).isEqualTo("__lan_network");
  }

  @Test
  void deletingAReferencedAliasIs500AndRenamesAreRewritten() {
    String id = addAlias("db_hosts", "host", "10.0.5.5");
    String rule =
        api.post(
                "/api/firewall/filter/addRule",
                "{\"rule\":{\"destination_net\":\"db_hosts\",\"description\":\"to db\"}}")
            .json()
            .path("uuid")
            .asText();
    Client.Reply del = api.post("/api/firewall/alias/delItem/" + id);
    assertThat(del.status()).isEqualTo(500);
    assertThat(del.json().path("errorTitle").asText()).isEqualTo("Alias in use");
    assertThat(del.json().path("errorMessage").asText())
        .startsWith("Cannot delete alias db_hosts. Currently in use by");
    assertThat(del.json().path("errorMessage").asText()).contains("to db");

    assertThat(
            api.post(
                    "/api/firewall/alias/setItem/" + id,
                    "{\"alias\":{\"name\":\"database_hosts\"}}")
                .body())
        .isEqualTo("{\"result\":\"saved\"}");
    assertThat(
            api.get("/api/firewall/filter/getRule/" + rule)
                .json()
                .at("/rule/destination_net")
                .asText())
        .isEqualTo("database_hosts");
    assertThat(
            api.get("/api/firewall/alias/getAliasUUID/database_hosts").json().path("uuid").asText())
        .isEqualTo(id);
    assertThat(api.get("/api/firewall/alias/getAliasUUID/nope").body()).isEqualTo("[]");
  }

  @Test
  void toggleAndReconfigure() {
    String id = addAlias("toggled", "host", "10.9.9.9");
    assertThat(api.post("/api/firewall/alias/toggleItem/" + id + "/0").body())
        .isEqualTo("{\"result\":\"Disabled\",\"changed\":true}");
    assertThat(api.post("/api/firewall/alias/reconfigure").body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void categoriesAreOfferedInRulesAndProtectedWhileUsed() {
    String cat =
        api.post(
                "/api/firewall/category/addItem",
                "{\"category\":{\"name\":\"servers\",\"color\":\"ff0000\"}}")
            .json()
            .path("uuid")
            .asText();
    assertThat(
            api.post("/api/firewall/category/addItem", "{\"category\":{\"name\":\"servers\"}}")
                .json()
                .at("/validations/category.name")
                .asText())
        .isEqualTo("A category with this name already exists.");
    String rule =
        api.post(
                "/api/firewall/filter/addRule",
                "{\"rule\":{\"categories\":\"" + cat + "\",\"description\":\"cat rule\"}}")
            .json()
            .path("uuid")
            .asText();
    JsonNode r = api.get("/api/firewall/filter/getRule/" + rule).json().path("rule");
    assertThat(r.at("/categories/" + cat).toString())
        .isEqualTo("{\"value\":\"servers\",\"selected\":1}");
    assertThat(
            api.post("/api/firewall/filter/addRule", "{\"rule\":{\"categories\":\"nope\"}}")
                .json()
                .at("/validations/rule.categories")
                .asText())
        .isEqualTo("Related category not found.");
    Client.Reply del = api.post("/api/firewall/category/delItem/" + cat);
    assertThat(del.status()).isEqualTo(500);
    assertThat(del.json().path("errorMessage").asText())
        .isEqualTo("Filter - cat rule {Filter.rules.rule." + rule + "}\n");
    assertThat(del.json().path("errorTitle").asText())
        .isEqualTo("Item categories.category {servers} in use by:");
    assertThat(api.post("/api/firewall/category/toggleItem/" + cat).status()).isEqualTo(404);
  }
}
