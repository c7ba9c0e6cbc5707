package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.providers.Change;
import io.mcpiac.engine.providers.Provider;
import io.mcpiac.engine.providers.contract.ContractFixture;
import io.mcpiac.engine.providers.contract.Tamper;
import io.mcpiac.engine.providers.contract.TypeSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The OPNsense provider against the emulator over HTTPS. Changes behind the provider's back go
 * straight to the firewall's REST API (what the web GUI does); a lost answer is the emulator
 * holding the answer of the create's write while the client gives up.
 */
final class OpnsenseContractFixture implements ContractFixture {
  private final Firewall fw;
  private final Provider provider;

  private final Path dir;

  /** Two backends made in the GUI, for the frontend's default backend and its change. */
  private final String backendOne;

  private final String backendTwo;

  OpnsenseContractFixture(String version) throws Exception {
    dir = Files.createTempDirectory("opnsense-contract");
    fw = new Firewall(version, dir);
    provider = new OpnsenseProviderFactory(fw.env).create("opnsense", Firewall.fast(null));
    backendOne = guiBackend("fixture-one");
    backendTwo = guiBackend("fixture-two");
    if (!version.equals("26.1")) {
      // 26.7's search hides manual outbound rules in the default automatic mode, so nothing can
      // list (import) them there; hybrid is the mode in which such rules act at all
      ObjectNode mode = Json.object();
      mode.putObject("filter").putObject("general").put("snat_mode", "hybrid");
      assertThat(fw.api("POST", "/api/firewall/source_nat/set", mode).path("result").asText())
          .isEqualTo("saved");
    }
  }

  private String guiBackend(String name) {
    ObjectNode body = Json.object();
    body.putObject("backend").put("name", name).put("mode", "http");
    JsonNode r = fw.api("POST", "/api/haproxy/settings/addBackend", body);
    assertThat(r.path("result").asText()).as("%s", r).isEqualTo("saved");
    return r.path("uuid").asText();
  }

  @Override
  public Provider provider() {
    return provider;
  }

  /**
   * The object's own write (its UUID in the path; a backend writes its servers first) is done and
   * its answer held by the emulator; this client gives up after one second without retrying (a
   * dropped connection, a crash), then the answer is released to nobody.
   */
  @Override
  public void createLosingAnswer(Change create) throws Exception {
    ObjectNode impatient = Json.object().put("timeoutSeconds", 1).put("retries", 1);
    try (Provider client = new OpnsenseProviderFactory(fw.env).create("opnsense", impatient)) {
      fw.faults("{\"holdWriteTo\":\"" + create.id() + "\"}");
      CompletableFuture<?> call = CompletableFuture.runAsync(() -> client.apply(List.of(create)));
      try {
        call.get(30, TimeUnit.SECONDS);
      } catch (Exception lost) {
        // the answer did not arrive: what the caller of a lost create sees
      }
      assertThat(fw.api("GET", "/__emulator/faults", null).path("holding").asBoolean())
          .as("the create's write was made and its answer held")
          .isTrue();
    } finally {
      fw.noFaults();
    }
  }

  /** A GUI form: the controller, its item action suffix and the JSON wrapper. */
  private record Form(String base, String thing, String wrapper) {}

  private static final Form ALIAS = new Form("/api/firewall/alias/", "Item", "alias");
  private static final Form RULE = new Form("/api/firewall/filter/", "Rule", "rule");
  private static final Form VLAN = new Form("/api/interfaces/vlan_settings/", "Item", "vlan");
  private static final Form SERVER = new Form("/api/haproxy/settings/", "Server", "server");
  private static final Form BACKEND = new Form("/api/haproxy/settings/", "Backend", "backend");
  private static final Form SNAT = new Form("/api/firewall/source_nat/", "Rule", "rule");
  private static final Form FRONTEND = new Form("/api/haproxy/settings/", "Frontend", "frontend");
  private static final Form RANGE = new Form("/api/dnsmasq/settings/", "Range", "range");
  private static final Form USER = new Form("/api/auth/user/", "", "user");
  private static final Form DNS = new Form("/api/unbound/settings/", "HostOverride", "host");
  private static final Form DNSMASQ_HOST = new Form("/api/dnsmasq/settings/", "Host", "host");

  /**
   * Sets raw fields of the object ({@code field, value, field, value…}), as the GUI saves a form.
   */
  private Tamper gui(Form form, String... fieldsAndValues) {
    return o -> {
      ObjectNode body = Json.object();
      ObjectNode fields = body.putObject(form.wrapper());
      for (int i = 0; i < fieldsAndValues.length; i += 2) {
        fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
      }
      String field = fieldsAndValues[0];
      String value = fieldsAndValues[1];
      JsonNode r = fw.api("POST", form.base() + "set" + form.thing() + "/" + o.id(), body);
      assertThat(r.path("result").asText())
          .as("GUI change %s=%s: %s", field, value, r)
          .isEqualTo("saved");
    };
  }

  @Override
  public List<TypeSample> samples() {
    return List.of(
        TypeSample.of(
                "opnsense:firewall:alias",
                "contract-alias",
                """
                {"enabled": true, "name": "contract_alias", "type": "host",
                 "content": ["10.0.0.1"], "description": "contract",
                 "native": {"counters": "0"}}
                """)
            .update(
                "{\"content\": [\"10.0.0.1\", \"10.0.0.2\"], \"description\": \"contract two\"}")
            .invalid("{\"type\": \"host\", \"content\": [\"10.0.0.300\"]}")
            .drift("enabled", gui(ALIAS, "enabled", "0"))
            .drift("name", gui(ALIAS, "name", "other_alias"))
            .drift("type", gui(ALIAS, "type", "network"))
            .drift("content", gui(ALIAS, "content", "10.0.0.2"))
            .drift("proto", gui(ALIAS, "proto", "IPv4"))
            .drift("updateFrequency", gui(ALIAS, "updatefreq", "1"))
            .drift("description", gui(ALIAS, "description", "changed in the GUI"))
            .drift("native", gui(ALIAS, "counters", "1")),
        TypeSample.of(
                "opnsense:firewall:rule",
                "contract-rule",
                """
                {"enabled": true, "action": "pass", "interface": "lan", "direction": "in",
                 "ipProtocol": "inet", "protocol": "tcp", "source": "10.0.0.0/8",
                 "sourcePort": "", "destination": "192.168.1.10", "port": 22, "log": false,
                 "quick": true, "sequence": 100, "gateway": "", "description": "contract"}
                """)
            .update("{\"port\": 2222, \"log\": true}")
            .drift("enabled", gui(RULE, "enabled", "0"))
            .drift("action", gui(RULE, "action", "block"))
            .drift("interface", gui(RULE, "interface", "wan"))
            .drift("direction", gui(RULE, "direction", "out"))
            .drift(
                "ipProtocol",
                gui(
                    RULE,
                    "ipprotocol",
                    "inet6",
                    "source_net",
                    "fd00::/8",
                    "destination_net",
                    "fd00::10"))
            .drift("protocol", gui(RULE, "protocol", "UDP"))
            .drift("source", gui(RULE, "source_net", "10.1.0.0/16"))
            .drift("sourcePort", gui(RULE, "source_port", "1024"))
            .drift("destination", gui(RULE, "destination_net", "192.168.1.11"))
            .drift("port", gui(RULE, "destination_port", "2222"))
            .drift("log", gui(RULE, "log", "1"))
            .drift("quick", gui(RULE, "quick", "0"))
            .drift("sequence", gui(RULE, "sequence", "200"))
            .drift("gateway", gui(RULE, "gateway", "WAN_DHCP"))
            .drift("description", gui(RULE, "description", "changed in the GUI"))
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:network:vlan",
                "contract-vlan",
                """
                {"interface": "igb2", "tag": 100, "priority": 0, "protocol": "802.1q",
                 "device": "vlan0.100", "description": "contract"}
                """)
            .update("{\"priority\": 3, \"description\": \"contract two\"}")
            .invalid("{\"interface\": \"igb2\", \"tag\": 101, \"device\": \"bogus device\"}")
            .drift("interface", gui(VLAN, "if", "igb3"))
            .drift("tag", gui(VLAN, "tag", "101"))
            .drift("priority", gui(VLAN, "pcp", "5"))
            .drift("protocol", gui(VLAN, "proto", "802.1ad"))
            .drift("device", gui(VLAN, "vlanif", "vlan0.999"))
            .drift("description", gui(VLAN, "descr", "changed in the GUI"))
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:service:haproxy:server",
                "contract-server",
                """
                {"enabled": true, "name": "contract-server", "address": "10.0.0.8",
                 "port": 8080, "mode": "active", "weight": 10, "ssl": false,
                 "sslVerify": true, "description": "contract"}
                """)
            .update("{\"port\": 8081, \"mode\": \"backup\", \"weight\": 20}")
            .drift("enabled", gui(SERVER, "enabled", "0"))
            .drift("name", gui(SERVER, "name", "renamed"))
            .drift("address", gui(SERVER, "address", "10.0.0.9"))
            .drift("port", gui(SERVER, "port", "9090"))
            .drift("mode", gui(SERVER, "mode", "backup"))
            .drift("weight", gui(SERVER, "weight", "30"))
            .drift("ssl", gui(SERVER, "ssl", "1"))
            .drift("sslVerify", gui(SERVER, "sslVerify", "0"))
            .drift("description", gui(SERVER, "description", "changed in the GUI"))
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:service:haproxy:backend",
                "contract-backend",
                """
                {"enabled": true, "name": "contract-backend", "mode": "http",
                 "algorithm": "roundrobin", "servers": ["10.0.0.9"], "defaultPort": 8080,
                 "healthCheck": true, "description": "contract"}
                """)
            .update(
                "{\"algorithm\": \"leastconn\", \"servers\": [\"10.0.0.9\", \"10.0.0.10:9090\"]}")
            .drift("enabled", gui(BACKEND, "enabled", "0"))
            .drift("name", gui(BACKEND, "name", "renamed"))
            .drift("mode", gui(BACKEND, "mode", "tcp"))
            .drift("algorithm", gui(BACKEND, "algorithm", "source"))
            .drift("servers", this::moveManagedServer)
            .notModelled(
                "defaultPort",
                "not stored on the firewall: the port of the servers the backend keeps for"
                    + " addresses given without one; a change of such a server's port on the"
                    + " firewall shows as drift on servers (the servers check changes exactly that)")
            .drift("healthCheck", gui(BACKEND, "healthCheckEnabled", "0"))
            .drift("description", gui(BACKEND, "description", "changed in the GUI"))
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:service:dns:override",
                "contract-dns",
                """
                {"enabled": true, "hostname": "nas", "domain": "home.arpa", "type": "A",
                 "address": "10.0.0.1", "mxPriority": 10, "mx": "", "txt": "", "ttl": 300,
                 "description": "contract"}
                """)
            .update("{\"address\": \"10.0.0.7\", \"ttl\": 600}")
            .drift("enabled", gui(DNS, "enabled", "0"))
            .drift("hostname", gui(DNS, "hostname", "files"))
            .drift("domain", gui(DNS, "domain", "example.org"))
            .drift("type", gui(DNS, "rr", "MX", "mx", "mail.example.org"))
            .drift("address", gui(DNS, "server", "10.0.0.2"))
            .drift("mxPriority", gui(DNS, "mxprio", "20"))
            .drift("mx", gui(DNS, "mx", "mail.example.org"))
            .drift("txt", gui(DNS, "txtdata", "v=spf1"))
            .drift("ttl", gui(DNS, "ttl", "60"))
            .drift("description", gui(DNS, "description", "changed in the GUI"))
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:service:dhcp:static",
                "contract-static",
                """
                {"server": "dnsmasq", "ip": "192.168.1.30", "mac": "00:11:22:33:44:66",
                 "hostname": "nas", "domain": "home.arpa", "description": "contract"}
                """)
            .update("{\"ip\": \"192.168.1.31\", \"hostname\": \"nas2\"}")
            .drift("ip", gui(DNSMASQ_HOST, "ip", "192.168.1.32"))
            .drift("mac", gui(DNSMASQ_HOST, "hwaddr", "00:11:22:33:44:77"))
            .drift("hostname", gui(DNSMASQ_HOST, "host", "printer"))
            .drift("domain", gui(DNSMASQ_HOST, "domain", "example.org"))
            .drift("description", gui(DNSMASQ_HOST, "descr", "changed in the GUI"))
            .notModelled("subnet", "Kea only; this sample is a dnsmasq host")
            .notModelled(
                "server",
                "which DHCP server holds the object: an object cannot move between servers, a"
                    + " change is a delete and a create, which the delete case covers")
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:firewall:nat",
                "contract-snat",
                """
                {"kind": "outbound", "sequence": 100, "enabled": true, "noNat": false,
                 "interface": "wan", "ipProtocol": "inet", "protocol": "tcp",
                 "source": "10.0.0.0/24", "sourcePort": "", "destination": "any", "port": "",
                 "target": "192.0.2.10", "targetPort": "", "log": false,
                 "description": "contract"}
                """)
            .update(
                "{\"target\": \"192.0.2.11\", \"log\": true, \"description\": \"contract two\"}")
            .replace(
                """
                {"kind": "port-forward", "interface": "wan", "destination": "wanip",
                 "port": 8443, "target": "10.0.0.1", "targetPort": 443,
                 "description": "contract"}
                """)
            .drift("sequence", gui(SNAT, "sequence", "200"))
            .drift("enabled", gui(SNAT, "enabled", "0"))
            .drift("noNat", gui(SNAT, "nonat", "1"))
            .drift("interface", gui(SNAT, "interface", "lan"))
            .drift(
                "ipProtocol",
                gui(SNAT, "ipprotocol", "inet6", "source_net", "fd00::/64", "target", "fd00::1"))
            .drift("protocol", gui(SNAT, "protocol", "UDP"))
            .drift("source", gui(SNAT, "source_net", "10.1.0.0/24"))
            .drift("sourcePort", gui(SNAT, "source_port", "1024"))
            .drift("destination", gui(SNAT, "destination_net", "192.0.2.0/24"))
            .drift("port", gui(SNAT, "destination_port", "443"))
            .drift("target", gui(SNAT, "target", "192.0.2.12"))
            .drift("targetPort", gui(SNAT, "target_port", "2000"))
            .drift("log", gui(SNAT, "log", "1"))
            .drift("description", gui(SNAT, "description", "changed in the GUI"))
            .notModelled(
                "kind",
                "the NAT table the rule is in: a rule cannot move between tables, a change is a"
                    + " delete and a create (the replace case)")
            .notModelled("filterRule", "a property of port forwards; this sample is outbound")
            .notModelled("natType", "a property of one-to-one rules; this sample is outbound")
            .notModelled("external", "a property of one-to-one rules; this sample is outbound")
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:service:haproxy:frontend",
                "contract-frontend",
                """
                {"enabled": true, "name": "contract-frontend", "bind": "0.0.0.0:8443",
                 "mode": "http", "defaultBackend": "%s", "ssl": false, "certificates": [],
                 "description": "contract"}
                """
                    .formatted(backendOne))
            .update(
                "{\"bind\": \"0.0.0.0:9443\", \"defaultBackend\": \"%s\",".formatted(backendTwo)
                    + " \"description\": \"contract two\"}")
            .drift("enabled", gui(FRONTEND, "enabled", "0"))
            .drift("name", gui(FRONTEND, "name", "renamed"))
            .drift("bind", gui(FRONTEND, "bind", "0.0.0.0:7443"))
            .drift("mode", gui(FRONTEND, "mode", "tcp"))
            .drift("defaultBackend", gui(FRONTEND, "defaultBackend", backendTwo))
            .drift("ssl", gui(FRONTEND, "ssl_enabled", "1"))
            .notModelled(
                "certificates",
                "not covered: needs a certificate on the firewall (the certificate type is not in"
                    + " this fixture yet)")
            .drift("description", gui(FRONTEND, "description", "changed in the GUI"))
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:service:dhcp:range",
                "contract-range",
                """
                {"server": "dnsmasq", "interface": "lan", "start": "192.168.1.100",
                 "end": "192.168.1.150", "leaseTime": 3600, "domain": "home.arpa",
                 "description": "contract"}
                """)
            .update("{\"end\": \"192.168.1.160\", \"leaseTime\": 7200}")
            .drift("interface", gui(RANGE, "interface", "wan"))
            .drift("start", gui(RANGE, "start_addr", "192.168.1.110"))
            .drift("end", gui(RANGE, "end_addr", "192.168.1.170"))
            .drift("leaseTime", gui(RANGE, "lease_time", "600"))
            .drift("domain", gui(RANGE, "domain", "example.org"))
            .drift("description", gui(RANGE, "description", "changed in the GUI"))
            .notModelled("subnet", "Kea only; this sample is a dnsmasq range")
            .notModelled("gateway", "Kea only; this sample is a dnsmasq range")
            .notModelled("dnsServers", "Kea only; this sample is a dnsmasq range")
            .notModelled("domainName", "Kea only; this sample is a dnsmasq range")
            .notModelled(
                "server", "which DHCP server holds the range: a change is a delete and a create")
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:security:user",
                "contract-user",
                """
                {"name": "contract-user", "password": "S3cret!one", "enabled": true,
                 "description": "contract", "email": "ops@example.org", "comment": "",
                 "expires": "", "shell": "/bin/sh", "authorizedKeys": "",
                 "privileges": ["page-firewall-rules"], "groups": []}
                """)
            .update(
                "{\"description\": \"contract two\", \"comment\": \"moved\", \"privileges\": [\"page-firewall-rules\", \"page-firewall-alias-edit\"], \"groups\": [\"1999\"]}")
            .drift("name", gui(USER, "name", "renamed"))
            .drift("enabled", gui(USER, "disabled", "1"))
            .drift("description", gui(USER, "descr", "changed in the GUI"))
            .drift("email", gui(USER, "email", "root@example.org"))
            .drift("comment", gui(USER, "comment", "changed"))
            .drift("expires", gui(USER, "expires", "12/31/2030"))
            .drift("shell", gui(USER, "shell", "/bin/csh"))
            .drift(
                "authorizedKeys",
                gui(USER, "authorizedkeys", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDu9 ops"))
            .drift("privileges", gui(USER, "priv", "page-all"))
            .drift("groups", gui(USER, "group_memberships", "1999"))
            .notModelled("native", "covered on the alias sample"));
  }

  /** The port of the server the backend keeps for an address given without one. */
  private void moveManagedServer(io.mcpiac.engine.providers.contract.ContractObject backend)
      throws Exception {
    for (JsonNode row : fw.rows("/api/haproxy/settings/searchServers")) {
      if (row.path("address").asText().equals("10.0.0.9")) {
        gui(SERVER, "port", "9999")
            .change(
                new io.mcpiac.engine.providers.contract.ContractObject(
                    backend.type(), "", row.path("uuid").asText(), Json.object(), Json.object()));
        return;
      }
    }
    throw new AssertionError("the backend's own server for 10.0.0.9 is not on the firewall");
  }

  @Override
  public void close() throws Exception {
    provider.close();
    fw.close();
    Files.deleteIfExists(fw.caFile);
    Files.deleteIfExists(dir);
  }
}
