package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One probe per behaviour the contract corrected (issue 14), run against every version profile:
 * what a client sees on a real firewall of that release, per OPNsense's source.
 */
class FidelityProbesTest {
  static final Profiles PROFILES = new Profiles();
  static final AtomicInteger SEQ = new AtomicInteger();

  @AfterAll
  static void stop() {
    PROFILES.close();
  }

  static String unique(String prefix) {
    return prefix + SEQ.incrementAndGet();
  }

  static JsonNode validations(Client.Reply r) {
    assertThat(r.json().path("result").asText()).as(r.body()).isEqualTo("failed");
    return r.json().path("validations");
  }

  static String saved(Client.Reply r) {
    assertThat(r.json().path("result").asText()).as(r.body()).isEqualTo("saved");
    return r.json().path("uuid").asText();
  }

  static Client.Reply rule(Client c, String port) {
    return c.post(
        "/api/firewall/filter/addRule",
        "{\"rule\":{\"protocol\":\"TCP\",\"destination_port\":\"" + port + "\"}}");
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void rulePortsTakeDashRangesAndFixedNamesNotColons(VersionProfile v) {
    Client c = PROFILES.client(v);
    saved(rule(c, "8000-8080"));
    saved(rule(c, "any"));
    String http = saved(rule(c, "HTTP"));
    assertThat(c.get("/api/firewall/filter/getRule/" + http).text("/rule/destination_port"))
        .isEqualTo("http");
    String msg = "Please specify a valid portnumber, name, alias or range.";
    assertThat(validations(rule(c, "8000:8080")).path("rule.destination_port").asText())
        .isEqualTo(msg);
    assertThat(validations(rule(c, "8080-8000")).path("rule.destination_port").asText())
        .isEqualTo(msg);
    assertThat(validations(rule(c, "80,443")).path("rule.destination_port").asText())
        .isEqualTo(msg);
    // ['any'] + list loses the list's first name: afs3-fileserver since 26.1.3, cvsup before
    boolean map = v.atLeast(26, 1, 3);
    assertThat(rule(c, "afs3-fileserver").json().path("result").asText())
        .isEqualTo(map ? "failed" : "saved");
    assertThat(rule(c, "cvsup").json().path("result").asText()).isEqualTo(map ? "saved" : "failed");
    assertThat(rule(c, "80 - 90").json().path("result").asText())
        .isEqualTo(v.atLeast(26, 7, 0) ? "failed" : "saved");
    String alias = unique("ports");
    saved(
        c.post(
            "/api/firewall/alias/addItem",
            "{\"alias\":{\"name\":\""
                + alias
                + "\",\"type\":\"port\",\"content\":\"8000:8080\"}}"));
    saved(rule(c, alias));
  }

  static Client.Reply alias(Client c, String type, String content) {
    return c.post(
        "/api/firewall/alias/addItem",
        "{\"alias\":{\"name\":\""
            + unique("a")
            + "\",\"type\":\""
            + type
            + "\",\"content\":\""
            + content
            + "\"}}");
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void aliasContentIsCheckedByType(VersionProfile v) {
    Client c = PROFILES.client(v);
    saved(alias(c, "port", "8000:8080\\nhttp\\n443"));
    assertThat(validations(alias(c, "port", "8000-8080")).path("alias.content").asText())
        .isEqualTo("Entry \"8000-8080\" is not a valid port number.");
    saved(alias(c, "host", "10.0.0.1-10.0.0.9\\n!10.0.0.5\\nwww.example.com"));
    assertThat(validations(alias(c, "host", "10.0.0.1-foo")).path("alias.content").asText())
        .isEqualTo("Entry \"10.0.0.1-foo\" is not a valid hostname, IP address or range.");
    saved(alias(c, "network", "10.0.0.0/0.0.255.0\\n!10.1.0.0/16\\n10.2.0.1-10.2.0.9"));
    assertThat(validations(alias(c, "network", "10.0.0.0/33")).path("alias.content").asText())
        .isEqualTo("Entry \"10.0.0.0/33\" is not a network.");
    saved(alias(c, "url", "not even a url"));
    saved(alias(c, "urltable", "whatever"));
    saved(alias(c, "geoip", "NL\\nEU"));
    assertThat(validations(alias(c, "geoip", "nl")).path("alias.content").asText())
        .isEqualTo("Entry \"nl\" is not a valid country code.");
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void vlanNamesFollowTheParentAndKeepTheirNameOnSet(VersionProfile v) {
    Client c = PROFILES.client(v);
    String a = saved(c.post("/api/interfaces/vlan_settings/addItem", vlan("igb2", unique(""))));
    String devA = c.get("/api/interfaces/vlan_settings/getItem/" + a).text("/vlan/vlanif");
    assertThat(devA).matches("vlan0\\d+");
    String q = saved(c.post("/api/interfaces/vlan_settings/addItem", vlan(devA, "7")));
    String devQ = c.get("/api/interfaces/vlan_settings/getItem/" + q).text("/vlan/vlanif");
    assertThat(devQ).matches("qinq0\\d+");
    // an empty vlanif on set keeps the name
    saved(
        c.post(
            "/api/interfaces/vlan_settings/setItem/" + a,
            "{\"vlan\":{\"if\":\"igb2\",\"tag\":\"" + unique("") + "\",\"vlanif\":\"\"}}"));
    assertThat(c.get("/api/interfaces/vlan_settings/getItem/" + a).text("/vlan/vlanif"))
        .isEqualTo(devA);
    // a wrong prefix for the parent is refused with the prefix it needs
    assertThat(
            validations(
                    c.post(
                        "/api/interfaces/vlan_settings/addItem",
                        "{\"vlan\":{\"if\":\""
                            + devA
                            + "\",\"tag\":\"8\",\"vlanif\":\"vlan077\"}}"))
                .path("vlan.vlanif")
                .asText())
        .isEqualTo("The device name prefix \"qinq\" is required.");
  }

  static String vlan(String parent, String tag) {
    int t = tag.isEmpty() ? 100 : 100 + Math.abs(tag.hashCode()) % 3000;
    try {
      t = Integer.parseInt(tag) % 4000 + 1;
    } catch (NumberFormatException ignored) {
      // a derived tag
    }
    return "{\"vlan\":{\"if\":\"" + parent + "\",\"tag\":\"" + t + "\"}}";
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void keaReservationsNeedAnAddressInTheirSubnetPoolsAreNotChecked(VersionProfile v) {
    Client c = PROFILES.client(v);
    int n = SEQ.incrementAndGet() % 200;
    String subnet =
        saved(
            c.post(
                "/api/kea/dhcpv4/addSubnet",
                "{\"subnet4\":{\"subnet\":\"10.77."
                    + n
                    + ".0/24\",\"pools\":\"10.99.0.10-10.99.0.20\"}}"));
    String mac = "\"hw_address\":\"00:11:22:33:44:" + String.format("%02x", n) + "\"";
    assertThat(
            validations(
                    c.post(
                        "/api/kea/dhcpv4/addReservation",
                        "{\"reservation\":{\"subnet\":\"" + subnet + "\"," + mac + "}}"))
                .path("reservation.ip_address")
                .asText())
        .isEqualTo("Address not in specified subnet");
    saved(
        c.post(
            "/api/kea/dhcpv4/addReservation",
            "{\"reservation\":{\"subnet\":\""
                + subnet
                + "\",\"ip_address\":\"10.77."
                + n
                + ".5\","
                + mac
                + "}}"));
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void dnsmasqChecksIpsOverridesAndStaticRangesNotMacs(VersionProfile v) {
    Client c = PROFILES.client(v);
    int n = SEQ.incrementAndGet() % 250;
    String ip = "192.168.50." + n;
    saved(host(c, "h" + n, ip, "00:aa:bb:cc:00:01"));
    saved(host(c, "m" + n, "192.168.51." + n, "00:aa:bb:cc:00:01"));
    assertThat(validations(host(c, "d" + n, ip, "00:aa:bb:cc:00:02")).path("host.ip").asText())
        .isEqualTo("'" + ip + "' is already used in another DHCP host entry.");
    JsonNode override = validations(host(c, "o" + n, "", ""));
    assertThat(override.path("host.ip").asText())
        .isEqualTo("Both hostname and IP address are required for host overrides.");
    assertThat(override.path("host.host").asText())
        .isEqualTo("Both hostname and IP address are required for host overrides.");
    JsonNode noName = validations(host(c, "", "192.168.52." + n, ""));
    assertThat(noName.path("host.host").asText())
        .isEqualTo("Both hostname and IP address are required for host overrides.");
    assertThat(
            validations(
                    c.post(
                        "/api/dnsmasq/settings/addRange",
                        "{\"range\":{\"start_addr\":\"192.168.60.10\",\"end_addr\":\"192.168.60.20\","
                            + "\"mode\":\"static\"}}"))
                .path("range.end_addr")
                .asText())
        .isEqualTo("Static only accepts a starting address.");
    saved(
        c.post(
            "/api/dnsmasq/settings/addRange",
            "{\"range\":{\"start_addr\":\"192.168.61.10\",\"mode\":\"static\"}}"));
  }

  static Client.Reply host(Client c, String name, String ip, String mac) {
    return c.post(
        "/api/dnsmasq/settings/addHost",
        "{\"host\":{\"host\":\""
            + name
            + "\",\"domain\":\"lan\",\"ip\":\""
            + ip
            + "\",\"hwaddr\":\""
            + mac
            + "\"}}");
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void unboundSavesAnAaaaAddressOnAnARecord(VersionProfile v) {
    Client c = PROFILES.client(v);
    saved(
        c.post(
            "/api/unbound/settings/addHostOverride",
            "{\"host\":{\"hostname\":\""
                + unique("h")
                + "\",\"domain\":\"lan\",\"rr\":\"A\",\"server\":\"2001:db8::1\"}}"));
    // a netmask: refused since 26.7 (NetMaskAllowed=N), taken before
    assertThat(
            c.post(
                    "/api/unbound/settings/addHostOverride",
                    "{\"host\":{\"hostname\":\""
                        + unique("h")
                        + "\",\"domain\":\"lan\",\"rr\":\"A\",\"server\":\"10.0.0.0/24\"}}")
                .json()
                .path("result")
                .asText())
        .isEqualTo(v.atLeast(26, 7, 0) ? "failed" : "saved");
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void aUserNeedsAPasswordOnAdd(VersionProfile v) {
    Client c = PROFILES.client(v);
    String name = unique("u");
    assertThat(
            validations(c.post("/api/auth/user/add", "{\"user\":{\"name\":\"" + name + "\"}}"))
                .path("user.password")
                .asText())
        .isEqualTo("A password is required");
    String id =
        saved(
            c.post(
                "/api/auth/user/add",
                "{\"user\":{\"name\":\"" + name + "\",\"scrambled_password\":\"1\"}}"));
    // a stored password is kept by a set without one
    assertThat(
            c.post("/api/auth/user/set/" + id, "{\"user\":{\"descr\":\"x\"}}")
                .json()
                .path("result")
                .asText())
        .isEqualTo("saved");
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void arraysInProtocolOrPortFieldsAreAPhpError(VersionProfile v) {
    Client c = PROFILES.client(v);
    Client.Reply protocol =
        c.post(
            "/api/firewall/filter/addRule",
            "{\"rule\":{\"protocol\":{\"TCP\":{\"value\":\"TCP\",\"selected\":1}}}}");
    assertThat(protocol.status()).isEqualTo(500);
    assertThat(protocol.body())
        .isEqualTo("{\"errorMessage\":\"Unexpected error, check log for details\"}");
    assertThat(
            c.post("/api/firewall/filter/addRule", "{\"rule\":{\"destination_port\":[\"80\"]}}")
                .status())
        .isEqualTo(500);
    // a plain text field stores "Array" before 26.1.11 (BaseField::setNodes guard after)
    Client.Reply plain =
        c.post("/api/firewall/filter/addRule", "{\"rule\":{\"description\":[\"x\"]}}");
    if (v.atLeast(26, 1, 11)) {
      assertThat(plain.status()).isEqualTo(500);
    } else {
      String id = saved(plain);
      assertThat(c.get("/api/firewall/filter/getRule/" + id).text("/rule/description"))
          .isEqualTo("Array");
    }
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void searchRuleWithoutInterfaceListsWhatTheReleaseLists(VersionProfile v) {
    Client c = PROFILES.client(v);
    String tag = unique("view");
    String lan =
        saved(
            c.post(
                "/api/firewall/filter/addRule",
                "{\"rule\":{\"interface\":\"lan\",\"description\":\"" + tag + " lan\"}}"));
    String floating =
        saved(
            c.post(
                "/api/firewall/filter/addRule",
                "{\"rule\":{\"description\":\"" + tag + " floating\"}}"));
    List<String> plain = ids(c.post("/api/firewall/filter/searchRule", "{}").json());
    assertThat(plain).contains(floating);
    if (v == VersionProfile.V26_1_0) {
      assertThat(plain).doesNotContain(lan).doesNotContain("automatic_lan_1");
    } else if (!v.atLeast(26, 1, 10)) {
      assertThat(plain).contains(lan).doesNotContain("automatic_lan_1");
    } else {
      assertThat(plain).contains(lan, "automatic_lan_1");
    }
    // an empty interface is the floating view everywhere; a set must match exactly
    assertThat(ids(c.post("/api/firewall/filter/searchRule", "{\"interface\":\"\"}").json()))
        .contains(floating)
        .doesNotContain(lan);
    assertThat(ids(c.post("/api/firewall/filter/searchRule", "{\"interface\":\"lan\"}").json()))
        .contains(lan)
        .doesNotContain(floating);
    assertThat(ids(c.post("/api/firewall/filter/searchRule", "{\"interface\":\"lan,wan\"}").json()))
        .doesNotContain(lan);
  }

  static List<String> ids(JsonNode search) {
    List<String> out = new ArrayList<>();
    search.path("rows").forEach(r -> out.add(r.path("uuid").asText()));
    return out;
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void commaListDeletesFrom2613(VersionProfile v) {
    Client c = PROFILES.client(v);
    String a = saved(c.post("/api/firewall/filter/addRule", "{\"rule\":{}}"));
    String b = saved(c.post("/api/firewall/filter/addRule", "{\"rule\":{}}"));
    String answer = c.post("/api/firewall/filter/delRule/" + a + "," + b).text("/result");
    if (v.atLeast(26, 1, 3)) {
      assertThat(answer).isEqualTo("deleted");
      assertThat(c.get("/api/firewall/filter/getRule/" + a).body()).isEqualTo("[]");
    } else {
      assertThat(answer).isEqualTo("not found");
      assertThat(c.get("/api/firewall/filter/getRule/" + a).json().has("rule")).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void savepointsExistUntil267(VersionProfile v) {
    Client c = PROFILES.client(v);
    Client.Reply sp = c.post("/api/firewall/filter/savepoint");
    if (v.atLeast(26, 7, 0)) {
      assertThat(sp.status()).isEqualTo(404);
    } else {
      assertThat(sp.json().path("status").asText()).isEqualTo("ok");
      // DNat has no rollback(): reverting an existing revision there is a PHP error
      String rev = sp.json().path("revision").asText();
      assertThat(c.post("/api/firewall/d_nat/revert/" + rev).status()).isEqualTo(500);
      assertThat(c.post("/api/firewall/d_nat/revert/1.00").text("/status"))
          .isEqualTo("unknown (or removed) savepoint");
    }
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void everyUserErrorCarriesAnErrorTitle(VersionProfile v) {
    Client c = PROFILES.client(v);
    String a = saved(c.post("/api/interfaces/vlan_settings/addItem", vlan("igb3", "1234")));
    String dev = c.get("/api/interfaces/vlan_settings/getItem/" + a).text("/vlan/vlanif");
    saved(c.post("/api/interfaces/vlan_settings/addItem", vlan(dev, "9")));
    Client.Reply refused = c.post("/api/interfaces/vlan_settings/delItem/" + a);
    assertThat(refused.status()).isEqualTo(500);
    assertThat(refused.body())
        .isEqualTo(
            "{\"errorMessage\":\"This VLAN cannot be deleted because it is used in QinQ"
                + " interfaces.\",\"errorTitle\":\"\"}");
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void everyServedModelAnswersModelLevelGet(VersionProfile v) {
    Client c = PROFILES.client(v);
    String[][] gets = {
      {"/api/firewall/filter/get", "/filter/rules"},
      {"/api/firewall/one_to_one/get", "/filter/onetoone"},
      {"/api/firewall/npt/get", "/filter/npt"},
      {"/api/firewall/d_nat/get", "/DNat/rule"},
      {"/api/firewall/alias/get", "/alias/aliases/alias/bogons"},
      {"/api/firewall/category/get", "/category/categories/category"},
      {"/api/interfaces/vlan_settings/get", "/vlan/vlan"},
      {"/api/unbound/settings/get", "/unbound/hosts/host"},
      {"/api/haproxy/settings/get", "/haproxy/servers/server"},
      {"/api/kea/dhcpv4/get", "/dhcpv4/general"},
      {"/api/dnsmasq/settings/get", "/dnsmasq/dhcp"},
      {"/api/firewall/source_nat/get", "/filter"}
    };
    for (String[] g : gets) {
      Client.Reply r = c.get(g[0]);
      assertThat(r.status()).as(g[0]).isEqualTo(200);
      assertThat(r.json().at(g[1]).isMissingNode()).as(g[0] + " " + r.body()).isFalse();
    }
    assertThat(c.post("/api/firewall/filter/get", "{}").body()).isEqualTo("[]");
    JsonNode kea = c.get("/api/kea/dhcpv4/get").json().path("dhcpv4");
    if (v.atLeast(26, 1, 7)) {
      assertThat(kea.at("/ha/%this_server_name").asText()).isNotEmpty();
    } else {
      assertThat(kea.path("this_hostname").asText()).isNotEmpty();
    }
    if (v.atLeast(26, 7, 0)) {
      assertThat(c.get("/api/interfaces/assignment/get").json().at("/interface/interface/lan"))
          .isNotNull();
    }
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void searchRowsJoinLabelsAndCarryTheExtraColumns(VersionProfile v) {
    Client c = PROFILES.client(v);
    String tag = unique("labels");
    saved(
        c.post(
            "/api/firewall/filter/addRule",
            "{\"rule\":{\"interface\":\"lan,wan\",\"description\":\"" + tag + "\"}}"));
    JsonNode row =
        c.post("/api/firewall/filter/searchRule", "{\"searchPhrase\":\"" + tag + "\"}")
            .json()
            .at("/rows/0");
    assertThat(row.path("interface").asText()).isEqualTo("lan,wan");
    assertThat(row.path("%interface").asText()).isEqualTo("LAN, WAN");
    String alias = unique("cat");
    saved(
        c.post(
            "/api/firewall/alias/addItem",
            "{\"alias\":{\"name\":\"" + alias + "\",\"type\":\"host\",\"content\":\"10.1.1.1\"}}"));
    JsonNode aliasRow =
        c.get("/api/firewall/alias/searchItem?searchPhrase=" + alias).json().at("/rows/0");
    assertThat(aliasRow.path("categories_uuid").isArray()).isTrue();
    saved(
        c.post(
            "/api/firewall/d_nat/addRule",
            "{\"rule\":{\"interface\":\"wan\",\"protocol\":\"tcp\",\"target\":\"10.0.0.9\","
                + "\"local-port\":\"80\",\"descr\":\""
                + tag
                + "\",\"destination\":{\"port\":\"80\"}}}"));
    JsonNode nat = c.get("/api/firewall/d_nat/searchRule?searchPhrase=" + tag).json().at("/rows/1");
    assertThat(nat.has("source.address")).as(nat.toString()).isTrue();
    assertThat(nat.has("destination.address")).isTrue();
  }

  @ParameterizedTest
  @MethodSource("io.mcpiac.opnsense.emulator.Profiles#all")
  void dnsmasqOptionsNeedOneKindAndAddressesOfItsFamily(VersionProfile v) {
    Client c = PROFILES.client(v);
    assertThat(
            validations(c.post("/api/dnsmasq/settings/addOption", "{\"option\":{\"value\":\"x\"}}"))
                .path("option.option")
                .asText())
        .isEqualTo("Either 'Option' or 'Option6' is required.");
    Client.Reply router =
        c.post(
            "/api/dnsmasq/settings/addOption",
            "{\"option\":{\"option\":\"3\",\"value\":\"2001:db8::1\"}}");
    if (v.atLeast(26, 1, 3)) {
      assertThat(validations(router).path("option.value").asText())
          .isEqualTo("Only IPv4 addresses are allowed for the selected DHCP option.");
    } else {
      saved(router);
    }
  }
}
