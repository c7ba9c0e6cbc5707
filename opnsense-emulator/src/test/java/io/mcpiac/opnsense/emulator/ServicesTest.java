package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HAProxy (2.7), Unbound (2.8), Kea and dnsmasq (2.9), certificates (2.10), users (2.11). */
class ServicesTest {
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

  static String uuid(Client.Reply r) {
    assertThat(r.json().path("result").asText()).as(r.body()).isEqualTo("saved");
    return r.json().path("uuid").asText();
  }

  @Test
  void haproxyServerInUseByABackendCannotBeDeleted() {
    String server =
        uuid(
            api.post(
                "/api/haproxy/settings/addServer",
                "{\"server\":{\"name\":\"app1\",\"address\":\"10.0.0.20\",\"port\":\"8080\",\"description\":\"app 1\"}}"));
    String backend =
        uuid(
            api.post(
                "/api/haproxy/settings/addBackend",
                "{\"backend\":{\"name\":\"pool_app\",\"linkedServers\":\"" + server + "\"}}"));
    JsonNode b = api.get("/api/haproxy/settings/getBackend/" + backend).json().path("backend");
    assertThat(b.path("id").asText()).matches("[0-9a-f]{13}\\.\\d{8}");
    assertThat(b.at("/linkedServers/" + server).toString())
        .isEqualTo("{\"value\":\"app1\",\"selected\":1}");
    assertThat(b.at("/mode/http/value").asText()).isEqualTo("HTTP (Layer 7) [default]");
    Client.Reply del = api.post("/api/haproxy/settings/delServer/" + server);
    assertThat(del.status()).isEqualTo(500);
    assertThat(del.json().path("errorMessage").asText())
        .isEqualTo("HAProxy - pool_app {HAProxy.backends.backend." + backend + "}\n");
    assertThat(del.json().path("errorTitle").asText())
        .isEqualTo("Item servers.server {app 1} in use by:");
    assertThat(
            api.post(
                    "/api/haproxy/settings/addBackend",
                    "{\"backend\":{\"name\":\"x\",\"linkedServers\":\"nope\"}}")
                .json()
                .at("/validations/backend.linkedServers")
                .asText())
        .isEqualTo("Related server item not found");
    assertThat(api.post("/api/haproxy/settings/delBackend/" + backend).body())
        .isEqualTo("{\"result\":\"deleted\"}");
    assertThat(api.post("/api/haproxy/settings/delServer/" + server).body())
        .isEqualTo("{\"result\":\"deleted\"}");
  }

  @Test
  void haproxyTogglesIgnoreTheArgumentAndConfigtestFindsDuplicateNames() {
    String fe =
        uuid(
            api.post(
                "/api/haproxy/settings/addFrontend",
                "{\"frontend\":{\"name\":\"dup\",\"bind\":\"0.0.0.0:443\"}}"));
    assertThat(
            api.post("/api/haproxy/settings/toggleFrontend/" + fe + "/1")
                .json()
                .path("result")
                .asText())
        .isEqualTo("Disabled");
    assertThat(
            api.post("/api/haproxy/settings/toggleFrontend/" + fe + "/1")
                .json()
                .path("result")
                .asText())
        .isEqualTo("Enabled");
    assertThat(api.post("/api/haproxy/service/configtest").json().path("result").asText())
        .doesNotContain("ALERT");
    String be =
        uuid(api.post("/api/haproxy/settings/addBackend", "{\"backend\":{\"name\":\"dup\"}}"));
    String result = api.post("/api/haproxy/service/configtest").json().path("result").asText();
    assertThat(result).contains("[ALERT]").contains("'dup'");
    api.post("/api/haproxy/settings/delBackend/" + be);
    assertThat(api.get("/api/haproxy/service/configtest").json().path("result").asText())
        .endsWith("Configuration file is valid\n\n");
    assertThat(api.post("/api/haproxy/service/reconfigure").body())
        .isEqualTo("{\"status\":\"ok\"}");
    assertThat(api.get("/api/haproxy/service/status").json().path("status").asText())
        .isEqualTo("disabled");
    assertThat(
            api.post("/api/haproxy/settings/set", "{\"haproxy\":{\"general\":{\"enabled\":\"1\"}}}")
                .body())
        .isEqualTo("{\"result\":\"saved\"}");
    assertThat(api.get("/api/haproxy/service/status").json().path("status").asText())
        .isEqualTo("running");
    assertThat(
            api.post(
                    "/api/haproxy/settings/set",
                    "{\"haproxy\":{\"general\":{\"tuning\":{\"maxDHSize\":\"1\"}}}}")
                .body())
        .isEqualTo(
            "{\"result\":\"failed\",\"validations\":{\"haproxy.general.tuning.maxDHSize\":\"Please specify a value between 1024 and 16384.\"}}");
  }

  @Test
  void unboundHostAliasesWriteThroughAndAppearAsChildren() {
    String host =
        uuid(
            api.post(
                "/api/unbound/settings/addHostOverride",
                "{\"host\":{\"hostname\":\"files\",\"domain\":\"home.arpa\",\"server\":\"192.168.1.20\",\"aliases\":\"smb.home.arpa,nfs.home.arpa\"}}"));
    JsonNode h = api.get("/api/unbound/settings/getHostOverride/" + host).json().path("host");
    assertThat(h.at("/aliases/smb.home.arpa/selected").asInt()).isEqualTo(1);
    assertThat(h.at("/rr/A/value").asText()).isEqualTo("A (IPv4 address)");
    JsonNode row =
        api.get("/api/unbound/settings/searchHostOverride?searchPhrase=files").json().at("/rows/0");
    assertThat(row.path("isAlias").asBoolean()).isFalse();
    assertThat(row.path("_children").size()).isEqualTo(2);
    assertThat(api.get("/api/unbound/settings/searchHostAlias").json().path("total").asInt())
        .isEqualTo(2);
    assertThat(
            api.post(
                    "/api/unbound/settings/addHostOverride",
                    "{\"host\":{\"hostname\":\"bad.\",\"domain\":\"home.arpa\",\"server\":\"192.168.1.1\"}}")
                .json()
                .at("/validations/host.hostname")
                .asText())
        .isEqualTo("A valid hostname must be specified.");
    assertThat(
            api.post(
                    "/api/unbound/settings/addHostOverride",
                    "{\"host\":{\"hostname\":\"mx\",\"domain\":\"home.arpa\",\"rr\":\"MX\"}}")
                .json()
                .at("/validations/host.mx")
                .toString())
        .isEqualTo("[\"The field MX Host is required.\"]");
    api.post("/api/unbound/settings/delHostOverride/" + host);
    assertThat(api.get("/api/unbound/settings/searchHostAlias").json().path("total").asInt())
        .isZero();
    assertThat(api.post("/api/unbound/service/reconfigure").body())
        .isEqualTo("{\"status\":\"ok\"}");
    assertThat(api.get("/api/unbound/service/status").json().path("status").asText())
        .isEqualTo("running");
  }

  @Test
  void keaReservationsMustFitTheirSubnetWhichIsProtectedWhileUsed() {
    String subnet =
        uuid(
            api.post(
                "/api/kea/dhcpv4/addSubnet",
                "{\"subnet4\":{\"subnet\":\"192.168.1.0/24\",\"pools\":\"192.168.1.100-192.168.1.200\"}}"));
    JsonNode s = api.get("/api/kea/dhcpv4/getSubnet/" + subnet).json().path("subnet4");
    assertThat(s.at("/option_data/routers/192.168.1.1/selected").asInt())
        .as("autocollected")
        .isEqualTo(1);
    assertThat(
            api.post("/api/kea/dhcpv4/addSubnet", "{\"subnet4\":{\"subnet\":\"192.168.1.0/24\"}}")
                .json()
                .at("/validations/subnet4.subnet")
                .asText())
        .isEqualTo("Subnet must be unique.");
    assertThat(
            api.post(
                    "/api/kea/dhcpv4/addSubnet",
                    "{\"subnet4\":{\"subnet\":\"192.168.2.0/24\",\"pools\":\"garbage\"}}")
                .json()
                .at("/validations/subnet4.pools")
                .asText())
        .isEqualTo("Entry \"garbage\" is not a valid range or subnet.");
    Client.Reply outside =
        api.post(
            "/api/kea/dhcpv4/addReservation",
            "{\"reservation\":{\"subnet\":\""
                + subnet
                + "\",\"ip_address\":\"192.168.20.5\",\"hw_address\":\"00:11:22:33:44:55\"}}");
    assertThat(outside.body())
        .isEqualTo(
            "{\"result\":\"failed\",\"validations\":{\"reservation.ip_address\":\"Address not in specified subnet\"}}");
    String res =
        uuid(
            api.post(
                "/api/kea/dhcpv4/addReservation",
                "{\"reservation\":{\"subnet\":\""
                    + subnet
                    + "\",\"ip_address\":\"192.168.1.5\",\"hw_address\":\"00:11:22:33:44:55\",\"hostname\":\"printer\"}}"));
    JsonNode r = api.get("/api/kea/dhcpv4/getReservation/" + res).json().path("reservation");
    assertThat(r.at("/subnet/" + subnet).toString())
        .isEqualTo("{\"value\":\"192.168.1.0/24\",\"selected\":1}");
    assertThat(r.at("/option_data/routers/").toString())
        .isEqualTo("{\"value\":\"\",\"selected\":1}");
    assertThat(r.path("option").isArray()).isTrue();
    Client.Reply del = api.post("/api/kea/dhcpv4/delSubnet/" + subnet);
    assertThat(del.status()).isEqualTo(500);
    assertThat(del.json().path("errorMessage").asText())
        .contains("{KeaDhcpv4.reservations.reservation." + res + "}");
    assertThat(api.get("/api/kea/dhcpv4/get").json().at("/dhcpv4/general/enabled").asText())
        .isEqualTo("0");
    assertThat(api.get("/api/kea/service/status").json().path("status").asText())
        .isEqualTo("disabled");
    assertThat(
            api.post(
                    "/api/kea/dhcpv4/set",
                    "{\"dhcpv4\":{\"general\":{\"enabled\":\"1\",\"interfaces\":\"lan\"}}}")
                .body())
        .isEqualTo("{\"result\":\"saved\"}");
    assertThat(api.get("/api/kea/service/status").json().path("status").asText())
        .isEqualTo("running");
    assertThat(api.post("/api/kea/service/reconfigure").body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void dnsmasqHostsRejectSharedIpsNotSharedMacsAndRangesNeedAnEnd() {
    uuid(
        api.post(
            "/api/dnsmasq/settings/addHost",
            "{\"host\":{\"host\":\"a\",\"ip\":\"192.168.1.50\",\"hwaddr\":\"00:aa:bb:cc:dd:ee\"}}"));
    // Dnsmasq.xml has no MAC uniqueness: a second host with the same MAC is saved
    uuid(
        api.post(
            "/api/dnsmasq/settings/addHost",
            "{\"host\":{\"host\":\"b\",\"ip\":\"192.168.1.51\",\"hwaddr\":\"00:AA:BB:CC:DD:EE\"}}"));
    assertThat(
            api.post(
                    "/api/dnsmasq/settings/addHost",
                    "{\"host\":{\"host\":\"b2\",\"ip\":\"192.168.1.50\",\"hwaddr\":\"00:aa:bb:cc:dd:02\"}}")
                .json()
                .at("/validations/host.ip")
                .asText())
        .isEqualTo("'192.168.1.50' is already used in another DHCP host entry.");
    assertThat(
            api.post(
                    "/api/dnsmasq/settings/addHost",
                    "{\"host\":{\"host\":\"c\",\"ip\":\"192.168.1.52,192.168.1.53\",\"hwaddr\":\"00:aa:bb:cc:dd:01\"}}")
                .json()
                .at("/validations/host.ip")
                .asText())
        .isEqualTo("For IPv4 dhcp reservations, only a single address is allowed.");
    assertThat(
            api.post(
                    "/api/dnsmasq/settings/addRange",
                    "{\"range\":{\"start_addr\":\"192.168.1.10\"}}")
                .json()
                .at("/validations/range.end_addr")
                .asText())
        .isEqualTo("End address may only be left empty for static ipv4 ranges.");
    String tag = uuid(api.post("/api/dnsmasq/settings/addTag", "{\"tag\":{\"tag\":\"printers\"}}"));
    uuid(
        api.post(
            "/api/dnsmasq/settings/addRange",
            "{\"range\":{\"start_addr\":\"192.168.1.10\",\"end_addr\":\"192.168.1.20\",\"set_tag\":\""
                + tag
                + "\"}}"));
    assertThat(api.post("/api/dnsmasq/settings/delTag/" + tag).status()).isEqualTo(500);
    assertThat(api.post("/api/dnsmasq/service/reconfigure").body())
        .isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void certificatesAreRealAndImportsAreChecked() throws Exception {
    String id =
        uuid(
            api.post(
                "/api/trust/cert/add",
                "{\"cert\":{\"action\":\"internal\",\"descr\":\"web\",\"key_type\":\"prime256v1\",\"cert_type\":\"server_cert\","
                    + "\"commonname\":\"fw.example.com\",\"altnames_dns\":\"fw.example.com\\nwww.example.com\",\"altnames_ip\":\"192.0.2.10\"}}"));
    JsonNode c = api.get("/api/trust/cert/get/" + id).json().path("cert");
    assertThat(c.path("refid").asText()).matches("[0-9a-f]{13}");
    assertThat(c.at("/action/reissue/selected").asInt()).isEqualTo(1);
    assertThat(c.path("commonname").asText()).isEqualTo("fw.example.com");
    assertThat(c.path("prv_payload").asText()).startsWith("-----BEGIN");
    X509Certificate x =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(
                        c.path("crt_payload").asText().getBytes(StandardCharsets.US_ASCII)));
    assertThat(x.getSubjectAlternativeNames()).hasSize(3);
    assertThat(x.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");

    Client.Reply garbage =
        api.post(
            "/api/trust/cert/add",
            "{\"cert\":{\"action\":\"import\",\"descr\":\"x\",\"crt_payload\":\"garbage\"}}");
    assertThat(garbage.status()).isEqualTo(500);
    assertThat(garbage.body())
        .isEqualTo(
            "{\"errorMessage\":\"Invalid X509 certificate provided\",\"errorTitle\":\"Certificate error\"}");

    String pem = c.path("crt_payload").asText();
    String imported =
        uuid(
            api.post(
                "/api/trust/cert/add",
                Client.json(
                    "cert",
                    Client.JSON
                        .createObjectNode()
                        .put("action", "import")
                        .put("descr", "imported")
                        .put("crt_payload", pem))));
    assertThat(
            api.get("/api/trust/cert/get/" + imported)
                .json()
                .at("/cert/action/manual/selected")
                .asInt())
        .isEqualTo(1);

    String local =
        api.post(
                "/api/trust/cert/add",
                "{\"cert\":{\"descr\":\"local key\",\"key_type\":\"prime256v1\",\"private_key_location\":\"local\"}}")
            .json()
            .path("private_key")
            .asText();
    assertThat(local).startsWith("-----BEGIN");

    // used by a HAProxy frontend: not deletable
    String refid = c.path("refid").asText();
    uuid(
        api.post(
            "/api/haproxy/settings/addFrontend",
            "{\"frontend\":{\"name\":\"tls\",\"bind\":\"0.0.0.0:443\",\"ssl_certificates\":\""
                + refid
                + "\"}}"));
    assertThat(api.post("/api/trust/cert/del/" + id).status()).isEqualTo(500);
    assertThat(api.get("/api/trust/cert/del/" + id).body()).isEqualTo("{\"status\":\"failed\"}");
  }

  @Test
  void usersGetUidsHiddenPasswordsAndWorkingApiKeys() {
    String id =
        uuid(
            api.post(
                "/api/auth/user/add",
                "{\"user\":{\"name\":\"ops\",\"password\":\"S3cret!\",\"descr\":\"ops\"}}"));
    JsonNode u = api.get("/api/auth/user/get/" + id).json().path("user");
    assertThat(u.path("password").asText()).isEmpty();
    assertThat(Integer.parseInt(u.path("uid").asText())).isGreaterThanOrEqualTo(2000);
    assertThat(u.has("otp_uri")).isTrue();
    assertThat(
            api.post("/api/auth/user/add", "{\"user\":{\"name\":\"ops\"}}")
                .json()
                .at("/validations/user.name")
                .asText())
        .isEqualTo("This username already exist.");

    Client.Reply key = api.post("/api/auth/user/addApiKey/ops");
    assertThat(key.json().path("result").asText()).isEqualTo("ok");
    Client ops =
        new Client(emu, key.json().path("key").asText(), key.json().path("secret").asText());
    assertThat(ops.get("/api/firewall/alias/searchItem").status())
        .as("no privileges yet")
        .isEqualTo(403);
    api.post("/api/auth/user/set/" + id, "{\"user\":{\"priv\":\"page-firewall-alias-edit\"}}");
    assertThat(ops.get("/api/firewall/alias/searchItem").status()).isEqualTo(200);
    assertThat(ops.get("/api/firewall/filter/searchRule").status()).isEqualTo(403);
    api.post("/api/auth/user/set/" + id, "{\"user\":{\"disabled\":\"1\"}}");
    assertThat(ops.get("/api/firewall/alias/searchItem").status()).isEqualTo(401);
    assertThat(api.get("/api/auth/user/searchApiKey").json().path("total").asInt()).isEqualTo(1);

    JsonNode root =
        api.post("/api/auth/user/search", "{\"searchPhrase\":\"root\"}").json().at("/rows/0");
    Client.Reply delRoot = api.post("/api/auth/user/del/" + root.path("uuid").asText());
    assertThat(delRoot.status()).isEqualTo(500);
    assertThat(delRoot.json().path("errorMessage").asText())
        .isEqualTo("Not allowed to delete system user root");
    Client.Reply lockout =
        api.post(
            "/api/auth/user/set/" + root.path("uuid").asText(), "{\"user\":{\"disabled\":\"1\"}}");
    assertThat(lockout.json().path("errorMessage").asText())
        .isEqualTo("User root can not lock itself out");
    assertThat(api.post("/api/auth/user/del/" + id).body()).isEqualTo("{\"result\":\"deleted\"}");
  }

  @Test
  void keysOfExpiredUsersAreRejected() {
    String id =
        uuid(
            api.post(
                "/api/auth/user/add",
                "{\"user\":{\"name\":\"temp\",\"password\":\"x\",\"group_memberships\":\"1999\"}}"));
    Client.Reply key = api.post("/api/auth/user/addApiKey/temp");
    Client temp =
        new Client(emu, key.json().path("key").asText(), key.json().path("secret").asText());
    assertThat(temp.get("/api/core/firmware/status").status()).isEqualTo(200);
    assertThat(
            api.post("/api/auth/user/set/" + id, "{\"user\":{\"expires\":\"01/31/2001\"}}").body())
        .isEqualTo("{\"result\":\"saved\"}");
    assertThat(temp.get("/api/core/firmware/status").status()).isEqualTo(401);
    assertThat(
            api.post("/api/auth/user/set/" + id, "{\"user\":{\"expires\":\"2001-01-31\"}}")
                .json()
                .at("/validations/user.expires")
                .asText())
        .isEqualTo("Invalid expiration date format; use MM/DD/YYYY instead.");
    String keyId =
        java.util.Base64.getEncoder()
            .encodeToString(
                key.json().path("key").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(api.post("/api/auth/user/delApiKey/" + keyId).body())
        .isEqualTo("{\"result\":\"deleted\"}");
    assertThat(api.post("/api/auth/user/delApiKey/" + keyId).body())
        .isEqualTo("{\"result\":\"not found\"}");
  }
}
