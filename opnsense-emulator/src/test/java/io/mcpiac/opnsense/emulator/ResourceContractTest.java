package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource of contract section 2 through the generic CRUD contract (1.7): add, get, search,
 * set (partial), a validation failure, del — with the request bodies of the contract's examples.
 */
class ResourceContractTest {
  static OpnsenseEmulator emu;
  static Client api;
  static String subnetUuid;

  /** One resource: endpoints, a valid body, a field to read back, a partial update, a bad body. */
  record Spec(
      String name,
      String base,
      String wrapper,
      String thing,
      String searchAction,
      String addBody,
      String field,
      String value,
      String setField,
      String setValue,
      String invalidBody,
      String invalidKey,
      String phrase) {
    @Override
    public String toString() {
      return name;
    }

    String action(String verb) {
      return base + verb + thing;
    }
  }

  @BeforeAll
  static void start() {
    emu = OpnsenseEmulator.builder().version("26.7").build().start();
    api = new Client(emu);
    // source NAT rules are only listed in hybrid/advanced outbound NAT mode on 26.7
    assertThat(
            api.post(
                    "/api/firewall/source_nat/set",
                    "{\"filter\":{\"general\":{\"snat_mode\":\"hybrid\"}}}")
                .body())
        .isEqualTo("{\"result\":\"saved\"}");
    subnetUuid =
        api.post(
                "/api/kea/dhcpv4/addSubnet",
                "{\"subnet4\":{\"subnet\":\"192.168.10.0/24\",\"pools\":\"192.168.10.100-192.168.10.200\","
                    + "\"option_data_autocollect\":\"0\",\"option_data\":{\"routers\":\"192.168.10.1\","
                    + "\"domain_name_servers\":\"192.168.10.1\",\"domain_name\":\"lan.example\"},\"description\":\"LAN10\"}}")
            .json()
            .path("uuid")
            .asText();
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  static Stream<Arguments> resources() {
    List<Spec> s = new ArrayList<>();
    s.add(
        new Spec(
            "filter rule",
            "/api/firewall/filter/",
            "rule",
            "Rule",
            "searchRule",
            "{\"rule\":{\"enabled\":\"1\",\"action\":\"pass\",\"interface\":\"lan\",\"direction\":\"in\",\"ipprotocol\":\"inet\","
                + "\"protocol\":\"TCP\",\"source_net\":\"lan\",\"destination_net\":\"10.0.0.0/24\",\"destination_port\":\"443\","
                + "\"log\":\"1\",\"description\":\"allow https to web\"}}",
            "destination_port",
            "443",
            "action",
            "block",
            "{\"rule\":{\"protocol\":\"ICMP\",\"destination_port\":\"443\",\"destination_net\":\"2001:db8::1\",\"ipprotocol\":\"inet\"}}",
            "rule.destination_port",
            "allow https"));
    s.add(
        new Spec(
            "alias",
            "/api/firewall/alias/",
            "alias",
            "Item",
            "searchItem",
            "{\"alias\":{\"enabled\":\"1\",\"name\":\"web_servers\",\"type\":\"host\",\"content\":\"10.0.0.10\\n10.0.0.11\",\"description\":\"Web servers\"}}",
            "name",
            "web_servers",
            "description",
            "Web farm",
            "{\"alias\":{\"name\":\"1bad\",\"type\":\"host\",\"content\":\"10.0.0.300\"}}",
            "alias.content",
            "web_servers"));
    s.add(
        new Spec(
            "category",
            "/api/firewall/category/",
            "category",
            "Item",
            "searchItem",
            "{\"category\":{\"name\":\"web\",\"color\":\"00ff00\"}}",
            "color",
            "00ff00",
            "name",
            "webservers",
            "{\"category\":{\"name\":\"x\",\"color\":\"green\"}}",
            "category.color",
            "web"));
    s.add(
        new Spec(
            "vlan",
            "/api/interfaces/vlan_settings/",
            "vlan",
            "Item",
            "searchItem",
            "{\"vlan\":{\"if\":\"igb1\",\"tag\":\"100\",\"pcp\":\"0\",\"proto\":\"\",\"descr\":\"servers\"}}",
            "tag",
            "100",
            "descr",
            "servers-2",
            "{\"vlan\":{\"if\":\"igb1\",\"tag\":\"5000\"}}",
            "vlan.tag",
            "servers"));
    s.add(
        new Spec(
            "port forward",
            "/api/firewall/d_nat/",
            "rule",
            "Rule",
            "searchRule",
            "{\"rule\":{\"interface\":\"wan\",\"ipprotocol\":\"inet\",\"protocol\":\"tcp\",\"destination\":{\"network\":\"wanip\",\"port\":\"443\"},"
                + "\"target\":\"10.0.0.10\",\"local-port\":\"8443\",\"pass\":\"pass\",\"descr\":\"https to web1\"}}",
            "target",
            "10.0.0.10",
            "local-port",
            "9443",
            "{\"rule\":{\"protocol\":\"icmp\",\"destination\":{\"port\":\"443\"}}}",
            "rule.destination.port",
            "web1"));
    s.add(
        new Spec(
            "source nat",
            "/api/firewall/source_nat/",
            "rule",
            "Rule",
            "searchRule",
            "{\"rule\":{\"interface\":\"wan\",\"source_net\":\"lan\",\"target\":\"wanip\",\"description\":\"outbound lan\"}}",
            "target",
            "wanip",
            "description",
            "outbound lan 2",
            "{\"rule\":{\"interface\":\"wan\",\"target\":\"any\"}}",
            "rule.target",
            "outbound"));
    s.add(
        new Spec(
            "one-to-one nat",
            "/api/firewall/one_to_one/",
            "rule",
            "Rule",
            "searchRule",
            "{\"rule\":{\"interface\":\"wan\",\"type\":\"binat\",\"source_net\":\"192.168.1.10\",\"external\":\"203.0.113.10\",\"description\":\"binat web\"}}",
            "external",
            "203.0.113.10",
            "external",
            "203.0.113.11",
            "{\"rule\":{\"type\":\"binat\",\"source_net\":\"lan\",\"external\":\"203.0.113.10\"}}",
            "rule.source_net",
            "binat"));
    s.add(
        new Spec(
            "npt",
            "/api/firewall/npt/",
            "rule",
            "Rule",
            "searchRule",
            "{\"rule\":{\"interface\":\"wan\",\"source_net\":\"fd00::/64\",\"destination_net\":\"2001:db8::/64\",\"description\":\"npt lan\"}}",
            "source_net",
            "fd00::/64",
            "description",
            "npt lan 2",
            "{\"rule\":{\"interface\":\"wan\",\"source_net\":\"10.0.0.0/24\"}}",
            "rule.source_net",
            "npt"));
    s.add(
        new Spec(
            "haproxy server",
            "/api/haproxy/settings/",
            "server",
            "Server",
            "searchServers",
            "{\"server\":{\"enabled\":\"1\",\"name\":\"web1\",\"address\":\"10.0.0.10\",\"port\":\"8080\",\"mode\":\"active\",\"type\":\"static\",\"ssl\":\"0\",\"description\":\"web 1\"}}",
            "address",
            "10.0.0.10",
            "port",
            "8081",
            "{\"server\":{\"name\":\"web 1\",\"port\":\"70000\"}}",
            "server.port",
            "web1"));
    s.add(
        new Spec(
            "haproxy backend",
            "/api/haproxy/settings/",
            "backend",
            "Backend",
            "searchBackends",
            "{\"backend\":{\"enabled\":\"1\",\"name\":\"pool_web\",\"mode\":\"http\",\"algorithm\":\"roundrobin\"}}",
            "algorithm",
            "roundrobin",
            "algorithm",
            "leastconn",
            "{\"backend\":{\"name\":\"pool_web\",\"algorithm\":\"fastest\"}}",
            "backend.algorithm",
            "pool_web"));
    s.add(
        new Spec(
            "haproxy frontend",
            "/api/haproxy/settings/",
            "frontend",
            "Frontend",
            "searchFrontends",
            "{\"frontend\":{\"enabled\":\"1\",\"name\":\"fe_http\",\"bind\":\"0.0.0.0:80\",\"mode\":\"http\"}}",
            "mode",
            "http",
            "bind",
            "0.0.0.0:8080",
            "{\"frontend\":{\"name\":\"fe_bad\",\"bind\":\"not a listen address\"}}",
            "frontend.bind",
            "fe_http"));
    s.add(
        new Spec(
            "unbound host override",
            "/api/unbound/settings/",
            "host",
            "HostOverride",
            "searchHostOverride",
            "{\"host\":{\"enabled\":\"1\",\"hostname\":\"nas\",\"domain\":\"home.arpa\",\"rr\":\"A\",\"server\":\"192.168.1.10\",\"description\":\"NAS\"}}",
            "server",
            "192.168.1.10",
            "server",
            "192.168.1.11",
            "{\"host\":{\"hostname\":\"nas\",\"domain\":\"home.arpa\",\"rr\":\"A\"}}",
            "host.server",
            "nas"));
    s.add(
        new Spec(
            "kea subnet",
            "/api/kea/dhcpv4/",
            "subnet4",
            "Subnet",
            "searchSubnet",
            "{\"subnet4\":{\"subnet\":\"192.168.20.0/24\",\"pools\":\"192.168.20.100-192.168.20.200\",\"option_data_autocollect\":\"0\",\"description\":\"LAN20\"}}",
            "subnet",
            "192.168.20.0/24",
            "pools",
            "192.168.20.50-192.168.20.60",
            "{\"subnet4\":{\"subnet\":\"192.168.30.0\"}}",
            "subnet4.subnet",
            "LAN20"));
    s.add(
        new Spec(
            "kea reservation",
            "/api/kea/dhcpv4/",
            "reservation",
            "Reservation",
            "searchReservation",
            "{\"reservation\":{\"subnet\":\"SUBNET\",\"ip_address\":\"192.168.10.5\",\"hw_address\":\"00:11:22:33:44:55\",\"hostname\":\"printer\"}}",
            "ip_address",
            "192.168.10.5",
            "hostname",
            "printer2",
            "{\"reservation\":{\"subnet\":\"SUBNET\",\"ip_address\":\"192.168.20.5\",\"hw_address\":\"00:11:22:33:44:56\",\"hostname\":\"printer\"}}",
            "reservation.ip_address",
            "printer"));
    s.add(
        new Spec(
            "dnsmasq range",
            "/api/dnsmasq/settings/",
            "range",
            "Range",
            "searchRange",
            "{\"range\":{\"interface\":\"lan\",\"start_addr\":\"192.168.1.100\",\"end_addr\":\"192.168.1.199\",\"lease_time\":\"86400\",\"domain_type\":\"range\",\"description\":\"LAN pool\"}}",
            "end_addr",
            "192.168.1.199",
            "lease_time",
            "3600",
            "{\"range\":{\"interface\":\"lan\",\"end_addr\":\"192.168.1.199\"}}",
            "range.start_addr",
            "pool"));
    s.add(
        new Spec(
            "dnsmasq host",
            "/api/dnsmasq/settings/",
            "host",
            "Host",
            "searchHost",
            "{\"host\":{\"host\":\"nas\",\"domain\":\"lan\",\"ip\":\"192.168.1.10\",\"hwaddr\":\"00:11:22:33:44:55\",\"descr\":\"NAS\"}}",
            "descr",
            "NAS",
            "descr",
            "NAS box",
            "{\"host\":{\"host\":\"nas2\",\"ip\":\"192.168.1.300\"}}",
            "host.ip",
            "nas"));
    s.add(
        new Spec(
            "kea option",
            "/api/kea/dhcpv4/",
            "option",
            "Option",
            "searchOption",
            "{\"option\":{\"code\":\"6\",\"encoding\":\"ipv4-address\",\"data\":\"10.0.0.1\",\"description\":\"dns option\"}}",
            "data",
            "10.0.0.1",
            "data",
            "10.0.0.2",
            "{\"option\":{\"code\":\"6\",\"encoding\":\"bogus\",\"data\":\"x\",\"description\":\"bad\"}}",
            "option.encoding",
            "dns"));
    s.add(
        new Spec(
            "kea ha peer",
            "/api/kea/dhcpv4/",
            "peer",
            "Peer",
            "searchPeer",
            "{\"peer\":{\"name\":\"fw1\",\"role\":\"primary\",\"url\":\"http://10.0.0.1:8000/\"}}",
            "role",
            "primary",
            "role",
            "standby",
            "{\"peer\":{\"name\":\"fw2\",\"role\":\"leader\",\"url\":\"http://10.0.0.2:8000/\"}}",
            "peer.role",
            "fw1"));
    s.add(
        new Spec(
            "dnsmasq option",
            "/api/dnsmasq/settings/",
            "option",
            "Option",
            "searchOption",
            "{\"option\":{\"type\":\"set\",\"option\":\"6\",\"interface\":\"lan\",\"value\":\"10.0.0.1\",\"description\":\"dns opt\"}}",
            "value",
            "10.0.0.1",
            "value",
            "10.0.0.2",
            "{\"option\":{\"type\":\"sometimes\"}}",
            "option.type",
            "dns opt"));
    s.add(
        new Spec(
            "dnsmasq domain override",
            "/api/dnsmasq/settings/",
            "domainoverride",
            "Domain",
            "searchDomain",
            "{\"domainoverride\":{\"domain\":\"corp.example\",\"ip\":\"10.0.0.53\",\"descr\":\"corp\"}}",
            "ip",
            "10.0.0.53",
            "ip",
            "10.0.0.54",
            "{\"domainoverride\":{\"ip\":\"10.0.0.53\"}}",
            "domainoverride.domain",
            "corp"));
    s.add(
        new Spec(
            "dnsmasq boot",
            "/api/dnsmasq/settings/",
            "boot",
            "Boot",
            "searchBoot",
            "{\"boot\":{\"filename\":\"pxelinux.0\",\"servername\":\"tftp\",\"description\":\"pxe\"}}",
            "filename",
            "pxelinux.0",
            "servername",
            "tftp2",
            "{\"boot\":{\"servername\":\"x\"}}",
            "boot.filename",
            "pxe"));
    s.add(
        new Spec(
            "certificate",
            "/api/trust/cert/",
            "cert",
            "",
            "search",
            "{\"cert\":{\"action\":\"internal\",\"descr\":\"fw-web\",\"key_type\":\"prime256v1\",\"digest\":\"sha256\",\"cert_type\":\"server_cert\","
                + "\"lifetime\":\"397\",\"private_key_location\":\"firewall\",\"country\":\"NL\",\"commonname\":\"fw.example.com\",\"altnames_dns\":\"fw.example.com\"}}",
            "commonname",
            "fw.example.com",
            "descr",
            "fw-web-renamed",
            "{\"cert\":{\"action\":\"internal\",\"key_type\":\"2048\"}}",
            "cert.descr",
            "fw-web"));
    s.add(
        new Spec(
            "user",
            "/api/auth/user/",
            "user",
            "",
            "search",
            "{\"user\":{\"name\":\"svc-iac\",\"password\":\"S3cret!\",\"descr\":\"IaC service\",\"group_memberships\":\"1999\"}}",
            "name",
            "svc-iac",
            "descr",
            "IaC service account",
            "{\"user\":{\"name\":\"bad name!\"}}",
            "user.name",
            "svc-iac"));
    return s.stream().map(Arguments::of);
  }

  /** The stored value behind a get encoding: plain string, or the selected keys of a map. */
  static String stored(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return null;
    }
    if (!n.isObject()) {
      return n.asText();
    }
    List<String> keys = new ArrayList<>();
    n.properties()
        .iterator()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("selected").asInt() == 1) {
                keys.add(e.getKey());
              }
            });
    return String.join(",", keys);
  }

  static String fieldValue(JsonNode item, String field) {
    return stored(item.at("/" + field.replace(".", "/")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resources")
  void addGetSearchSetValidateDelete(Spec s) {
    String addBody = s.addBody().replace("SUBNET", subnetUuid);
    Client.Reply added = api.post(s.action("add"), addBody);
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.json().path("result").asText()).as(added.body()).isEqualTo("saved");
    String uuid = added.json().path("uuid").asText();
    assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    JsonNode item = api.get(s.action("get") + "/" + uuid).json().path(s.wrapper());
    assertThat(item.isObject()).isTrue();
    assertThat(fieldValue(item, s.field())).isEqualTo(s.value());

    Client.Reply found =
        api.post(s.base() + s.searchAction(), "{\"searchPhrase\":\"" + s.phrase() + "\"}");
    List<String> ids = new ArrayList<>();
    found.json().path("rows").forEach(r -> ids.add(r.path("uuid").asText()));
    assertThat(ids).as(found.body()).contains(uuid);
    assertThat(found.json().path("total").asInt()).isGreaterThanOrEqualTo(1);

    String setBody =
        "{\""
            + s.wrapper()
            + "\":{\""
            + s.setField()
            + "\":\""
            + s.setValue()
            + "\""
            + (s.wrapper().equals("cert") ? ",\"action\":\"manual\"" : "")
            + "}}";
    Client.Reply set = api.post(s.action("set") + "/" + uuid, setBody);
    assertThat(set.body()).isEqualTo("{\"result\":\"saved\"}");
    JsonNode after = api.get(s.action("get") + "/" + uuid).json().path(s.wrapper());
    assertThat(fieldValue(after, s.setField())).isEqualTo(s.setValue());
    if (!s.field().equals(s.setField())) {
      assertThat(fieldValue(after, s.field()))
          .as("partial update keeps other fields")
          .isEqualTo(s.value());
    }

    Client.Reply invalid = api.post(s.action("add"), s.invalidBody().replace("SUBNET", subnetUuid));
    assertThat(invalid.status()).isEqualTo(200);
    assertThat(invalid.json().path("result").asText()).as(invalid.body()).isEqualTo("failed");
    assertThat(invalid.json().path("validations").has(s.invalidKey())).as(invalid.body()).isTrue();
    JsonNode msg = invalid.json().path("validations").path(s.invalidKey());
    assertThat(msg.isTextual() || msg.isArray()).isTrue();

    assertThat(api.post(s.action("del") + "/" + uuid).body()).isEqualTo("{\"result\":\"deleted\"}");
    assertThat(api.post(s.action("del") + "/" + uuid).body())
        .isEqualTo("{\"result\":\"not found\"}");
    assertThat(api.get(s.action("get") + "/" + uuid).body()).isEqualTo("[]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resources")
  void getWithoutUuidIsATemplateAndSavesNothing(Spec s) {
    Client.Reply before = api.post(s.base() + s.searchAction(), "{}");
    JsonNode template = api.get(s.action("get")).json().path(s.wrapper());
    assertThat(template.isObject()).isTrue();
    assertThat(template.size()).isGreaterThan(1);
    assertThat(api.post(s.base() + s.searchAction(), "{}").json().path("total"))
        .isEqualTo(before.json().path("total"));
  }
}
