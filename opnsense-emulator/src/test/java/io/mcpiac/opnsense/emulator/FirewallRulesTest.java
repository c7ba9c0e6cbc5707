package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Filter rules (2.1) on both profiles: encodings, sequence, upsert, toggle, search quirks. */
class FirewallRulesTest {
  static OpnsenseEmulator v267;
  static OpnsenseEmulator v261;
  static Client api;
  static Client old;

  @BeforeAll
  static void start() {
    v267 = OpnsenseEmulator.builder().version("26.7").build().start();
    v261 = OpnsenseEmulator.builder().version("26.1").build().start();
    api = new Client(v267);
    old = new Client(v261);
  }

  @AfterAll
  static void stop() {
    v267.close();
    v261.close();
  }

  static String add(Client c, String body) {
    Client.Reply r = c.post("/api/firewall/filter/addRule", body);
    assertThat(r.json().path("result").asText()).as(r.body()).isEqualTo("saved");
    return r.json().path("uuid").asText();
  }

  static List<String> ids(JsonNode search) {
    List<String> out = new ArrayList<>();
    search.path("rows").forEach(r -> out.add(r.path("uuid").asText()));
    return out;
  }

  @Test
  void emptyRuleIsValidAndGetsAllDefaultsAndAGrowingSequence() {
    String a = add(api, "{\"rule\":{\"description\":\"defaults\"}}");
    JsonNode rule = api.get("/api/firewall/filter/getRule/" + a).json().path("rule");
    assertThat(rule.path("enabled").asText()).isEqualTo("1");
    assertThat(rule.at("/action/pass/selected").asInt()).isEqualTo(1);
    assertThat(rule.at("/action/pass/value").asText()).isEqualTo("Pass");
    assertThat(rule.at("/statetype/keep/selected").asInt()).isEqualTo(1);
    assertThat(rule.at("/state-policy/").path("value").asText()).isEqualTo("default");
    assertThat(rule.at("/protocol/any/selected").asInt()).isEqualTo(1);
    assertThat(rule.path("source_net").asText()).isEqualTo("any");
    long seq = Long.parseLong(rule.path("sequence").asText());
    String b = add(api, "{\"rule\":{\"description\":\"second\"}}");
    long seq2 =
        Long.parseLong(
            api.get("/api/firewall/filter/getRule/" + b).json().at("/rule/sequence").asText());
    assertThat(seq2).isEqualTo(seq + 100);
    // the template shows the next sequence without saving anything
    assertThat(api.get("/api/firewall/filter/getRule").json().at("/rule/sequence").asText())
        .isEqualTo(String.valueOf(seq2 + 100));
  }

  @Test
  void getRendersOptionMapsPlainStringsAndDescriptionsOnlyOn267() {
    String body =
        "{\"rule\":{\"interface\":\"lan\",\"protocol\":\"TCP\",\"source_net\":\"lan\",\"destination_port\":\"https\",\"description\":\"enc\"}}";
    JsonNode r = api.get("/api/firewall/filter/getRule/" + add(api, body)).json().path("rule");
    assertThat(r.at("/interface/lan").toString()).isEqualTo("{\"value\":\"LAN\",\"selected\":1}");
    assertThat(r.at("/interface/wan/selected").asInt()).isZero();
    assertThat(r.has("/interface/")).isFalse();
    assertThat(r.path("%source_net").asText()).isEqualTo("LAN net");
    assertThat(r.path("sort_order").asText()).matches("400000\\.0\\d{6}");
    assertThat(r.path("categories").isArray()).as("no category exists: []").isTrue();
    assertThat(r.at("/gateway/").path("value").asText()).isEqualTo("None");
    JsonNode o = old.get("/api/firewall/filter/getRule/" + add(old, body)).json().path("rule");
    assertThat(o.has("%source_net")).isFalse();
    assertThat(o.path("source_net").asText()).isEqualTo("lan");
  }

  @Test
  void crossFieldValidations() {
    Client.Reply r =
        api.post(
            "/api/firewall/filter/addRule",
            "{\"rule\":{\"protocol\":\"ICMP\",\"destination_port\":\"443\",\"destination_net\":\"2001:db8::1\",\"ipprotocol\":\"inet\"}}");
    assertThat(r.json().path("validations").toString())
        .isEqualTo(
            "{\"rule.destination_port\":\"Destination ports are only valid for tcp or udp type rules.\","
                + "\"rule.destination_net\":\"Destination address type should match selected TCP/IP protocol version.\"}");
    Client.Reply any =
        api.post(
            "/api/firewall/filter/addRule",
            "{\"rule\":{\"source_net\":\"any,10.0.0.1\",\"action\":\"drop\"}}");
    assertThat(any.json().at("/validations/rule.source_net").asText())
        .isEqualTo("Any can not be combined with other aliases");
    assertThat(any.json().at("/validations/rule.action").asText())
        .isEqualTo("Option [] not in list.");
    Client.Reply seq =
        api.post(
            "/api/firewall/filter/addRule",
            "{\"rule\":{\"sequence\":\"0\",\"source_net\":\"nosuchalias\"}}");
    assertThat(seq.json().at("/validations/rule.sequence").asText())
        .isEqualTo("Sequence shall be between 1 and 999999.");
    assertThat(seq.json().at("/validations/rule.source_net").asText())
        .isEqualTo("nosuchalias is not a valid source IP address or alias.");
    Client.Reply multi =
        api.post("/api/firewall/filter/addRule", "{\"rule\":{\"interface\":\"lan,nosuch\"}}");
    assertThat(multi.json().at("/validations/rule.interface").asText())
        .isEqualTo("Option [nosuch] not in list.");
  }

  @Test
  void setIsPartialAndUpsertsUnknownV4Uuids() {
    String id = add(api, "{\"rule\":{\"description\":\"partial\",\"log\":\"1\"}}");
    assertThat(
            api.post(
                    "/api/firewall/filter/setRule/" + id,
                    "{\"rule\":{\"description\":\"changed\"}}")
                .body())
        .isEqualTo("{\"result\":\"saved\"}");
    JsonNode r = api.get("/api/firewall/filter/getRule/" + id).json().path("rule");
    assertThat(r.path("description").asText()).isEqualTo("changed");
    assertThat(r.path("log").asText()).isEqualTo("1");

    String mine = UUID.randomUUID().toString();
    assertThat(
            api.post(
                    "/api/firewall/filter/setRule/" + mine,
                    "{\"rule\":{\"description\":\"upserted\"}}")
                .body())
        .isEqualTo("{\"result\":\"saved\"}");
    assertThat(
            api.get("/api/firewall/filter/getRule/" + mine).json().at("/rule/description").asText())
        .isEqualTo("upserted");
    assertThat(
            api.post("/api/firewall/filter/setRule/" + mine.toUpperCase(), "{\"rule\":{}}").body())
        .isEqualTo("{\"result\":\"failed\"}");
    assertThat(api.post("/api/firewall/filter/setRule/not-a-uuid", "{\"rule\":{}}").body())
        .isEqualTo("{\"result\":\"failed\"}");
    assertThat(api.post("/api/firewall/filter/setRule/" + id, "{\"other\":{}}").body())
        .isEqualTo("{\"result\":\"failed\"}");
  }

  @Test
  void toggleFlipsOrForcesAndReportsChange() {
    String id = add(api, "{\"rule\":{\"description\":\"toggle\"}}");
    assertThat(api.post("/api/firewall/filter/toggleRule/" + id).body())
        .isEqualTo("{\"result\":\"Disabled\",\"changed\":true}");
    assertThat(api.post("/api/firewall/filter/toggleRule/" + id + "/0").body())
        .isEqualTo("{\"result\":\"Disabled\",\"changed\":false}");
    assertThat(api.post("/api/firewall/filter/toggleRule/" + id + "/1").body())
        .isEqualTo("{\"result\":\"Enabled\",\"changed\":true}");
    assertThat(api.post("/api/firewall/filter/toggleRule/" + UUID.randomUUID()).body())
        .isEqualTo("{\"result\":\"failed\"}");
    Client.Reply list = api.post("/api/firewall/filter/toggleRule/" + id + "," + id);
    assertThat(list.status()).isEqualTo(500);
  }

  @Test
  void deleteTakesCommaLists() {
    String a = add(api, "{\"rule\":{\"description\":\"del a\"}}");
    String b = add(api, "{\"rule\":{\"description\":\"del b\"}}");
    assertThat(api.post("/api/firewall/filter/delRule/" + a + "," + b).body())
        .isEqualTo("{\"result\":\"deleted\"}");
    assertThat(api.get("/api/firewall/filter/getRule/" + a).body()).isEqualTo("[]");
    assertThat(api.get("/api/firewall/filter/getRule/" + b).body()).isEqualTo("[]");
  }

  @Test
  void searchOn267IsARecordsetWithPostOnlyPagingAndAllRules() {
    String lan = add(api, "{\"rule\":{\"interface\":\"lan\",\"description\":\"paging lan\"}}");
    String floating = add(api, "{\"rule\":{\"description\":\"paging floating\"}}");
    Client.Reply all = api.get("/api/firewall/filter/searchRule?rowCount=1");
    assertThat(all.body()).startsWith("{\"total\":");
    assertThat(ids(all.json())).contains(lan, floating, "automatic_lan_1");
    assertThat(all.json().path("rowCount").asInt()).as("query paging ignored").isGreaterThan(1);
    Client.Reply page =
        api.post("/api/firewall/filter/searchRule", "{\"rowCount\":1,\"current\":2}");
    assertThat(page.json().path("rows").size()).isEqualTo(1);
    assertThat(page.json().path("current").asInt()).isEqualTo(2);
    assertThat(ids(api.get("/api/firewall/filter/searchRule?interface=").json()))
        .contains(floating)
        .doesNotContain(lan);
    assertThat(ids(api.get("/api/firewall/filter/searchRule?interface=lan").json()))
        .contains(lan)
        .doesNotContain(floating);
    JsonNode row =
        api.post("/api/firewall/filter/searchRule", "{\"searchPhrase\":\"paging lan\"}")
            .json()
            .at("/rows/0");
    assertThat(row.path("interface").asText()).isEqualTo("lan");
    assertThat(row.path("%interface").asText()).isEqualTo("LAN");
    assertThat(row.path("action").asText()).isEqualTo("pass");
    assertThat(row.path("%action").asText()).isEqualTo("Pass");
  }

  @Test
  void applyAnswersConfigdOutput() {
    assertThat(api.post("/api/firewall/filter/apply").body())
        .isEqualTo("{\"status\":\"OK\\n\\n\"}");
    assertThat(api.post("/api/firewall/filter/apply", "{}").body())
        .isEqualTo("{\"status\":\"OK\\n\\n\"}");
  }

  @Test
  void ruleLogToggleMoveAndCopy() {
    String a = add(api, "{\"rule\":{\"description\":\"move a\"}}");
    String b = add(api, "{\"rule\":{\"description\":\"move b\"}}");
    assertThat(api.post("/api/firewall/filter/toggleRuleLog/" + a + "/1").body())
        .isEqualTo("{\"status\":\"ok\"}");
    assertThat(api.get("/api/firewall/filter/getRule/" + a).json().at("/rule/log").asText())
        .isEqualTo("1");
    assertThat(api.post("/api/firewall/filter/toggleRuleLog/" + UUID.randomUUID() + "/1").status())
        .isEqualTo(500);
    long seqA =
        Long.parseLong(
            api.get("/api/firewall/filter/getRule/" + a).json().at("/rule/sequence").asText());
    assertThat(api.post("/api/firewall/filter/moveRuleBefore/" + b + "/" + a).body())
        .isEqualTo("{\"status\":\"ok\"}");
    long newA =
        Long.parseLong(
            api.get("/api/firewall/filter/getRule/" + a).json().at("/rule/sequence").asText());
    long newB =
        Long.parseLong(
            api.get("/api/firewall/filter/getRule/" + b).json().at("/rule/sequence").asText());
    // OPNsense's own move: into the gap before the target, which keeps its sequence
    assertThat(newA).isEqualTo(seqA);
    assertThat(newB).isLessThan(newA);
    assertThat(
            api.post("/api/firewall/filter/moveRuleBefore/" + b + "/" + UUID.randomUUID()).status())
        .isEqualTo(500);
    JsonNode copy =
        api.get("/api/firewall/filter/getRule/" + a + "?fetchmode=copy").json().path("rule");
    assertThat(Long.parseLong(copy.path("sequence").asText())).isGreaterThan(newA);
    assertThat(copy.path("description").asText()).isEqualTo("move a");
  }

  @Test
  void moveWithoutRoomRenumbersTheRulesAfterTheTarget() {
    String a = add(api, "{\"rule\":{\"interface\":\"lan\",\"sequence\":\"10\"}}");
    String b = add(api, "{\"rule\":{\"interface\":\"lan\",\"sequence\":\"11\"}}");
    String c = add(api, "{\"rule\":{\"interface\":\"lan\",\"sequence\":\"12\"}}");
    String x = add(api, "{\"rule\":{\"interface\":\"lan\",\"sequence\":\"500\"}}");
    String floating = add(api, "{\"rule\":{\"sequence\":\"11\"}}");
    assertThat(api.post("/api/firewall/filter/moveRuleBefore/" + x + "/" + b).body())
        .isEqualTo("{\"status\":\"ok\"}");
    assertThat(List.of(seq(a), seq(x), seq(b), seq(c), seq(floating)))
        .containsExactly(10L, 60L, 110L, 160L, 11L);
    // with room: the middle of the gap, nothing else moves
    assertThat(api.post("/api/firewall/filter/moveRuleBefore/" + c + "/" + x).body())
        .isEqualTo("{\"status\":\"ok\"}");
    assertThat(List.of(seq(a), seq(c), seq(x), seq(b))).containsExactly(10L, 35L, 60L, 110L);
  }

  private long seq(String uuid) {
    return Long.parseLong(
        api.get("/api/firewall/filter/getRule/" + uuid).json().at("/rule/sequence").asText());
  }

  @Test
  void coreServiceSearchListsServices() {
    JsonNode rows = api.get("/api/core/service/search").json().path("rows");
    assertThat(rows.toString()).contains("\"name\":\"unbound\"").contains("\"name\":\"haproxy\"");
  }

  @Test
  void toggleListsNeedAnExplicitValueOn267() {
    String a = add(api, "{\"rule\":{\"description\":\"list a\"}}");
    String b = add(api, "{\"rule\":{\"description\":\"list b\"}}");
    Client.Reply flip = api.post("/api/firewall/filter/toggleRule/" + a + "," + b);
    assertThat(flip.status()).isEqualTo(500);
    assertThat(flip.json().path("errorMessage").asText())
        .isEqualTo("Toggle with a list of items in only supported for explicit actions [0,1]");
    assertThat(
            api.post("/api/firewall/filter/toggleRule/" + a + "," + b + "/0")
                .json()
                .path("result")
                .asText())
        .isEqualTo("Disabled");
    assertThat(api.get("/api/firewall/filter/getRule/" + a).json().at("/rule/enabled").asText())
        .isEqualTo("0");
    assertThat(api.get("/api/firewall/filter/getRule/" + b).json().at("/rule/enabled").asText())
        .isEqualTo("0");
  }

  @Test
  void pagesCoverEveryRowExactlyOnce() {
    for (int i = 0; i < 7; i++) {
      add(old, "{\"rule\":{\"description\":\"page row " + i + "\"}}");
    }
    List<String> seen = new ArrayList<>();
    int total = -1;
    for (int page = 1; page <= 4; page++) {
      // searchRecordsetBase (rules, 25.7+): paging only from the POST body
      JsonNode r =
          old.post(
                  "/api/firewall/filter/searchRule",
                  "{\"searchPhrase\":\"page row\",\"rowCount\":2,\"current\":" + page + "}")
              .json();
      total = r.path("total").asInt();
      assertThat(r.path("current").asInt()).isEqualTo(page);
      seen.addAll(ids(r));
    }
    assertThat(total).isEqualTo(7);
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
  }
}
