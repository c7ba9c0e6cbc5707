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

  /**
   * Sets raw fields of the object ({@code field, value, field, value…}), as the GUI saves a form.
   */
  private Tamper set(String base, String thing, String wrapper, String... fieldsAndValues) {
    return o -> {
      ObjectNode body = Json.object();
      ObjectNode fields = body.putObject(wrapper);
      for (int i = 0; i < fieldsAndValues.length; i += 2) {
        fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
      }
      String field = fieldsAndValues[0];
      String value = fieldsAndValues[1];
      JsonNode r = fw.api("POST", base + "set" + thing + "/" + o.id(), body);
      assertThat(r.path("result").asText())
          .as("GUI change %s=%s: %s", field, value, r)
          .isEqualTo("saved");
    };
  }

  private Tamper alias(String... fieldsAndValues) {
    return set("/api/firewall/alias/", "Item", "alias", fieldsAndValues);
  }

  private Tamper rule(String... fieldsAndValues) {
    return set("/api/firewall/filter/", "Rule", "rule", fieldsAndValues);
  }

  private Tamper vlan(String... fieldsAndValues) {
    return set("/api/interfaces/vlan_settings/", "Item", "vlan", fieldsAndValues);
  }

  private Tamper server(String... fieldsAndValues) {
    return set("/api/haproxy/settings/", "Server", "server", fieldsAndValues);
  }

  private Tamper backend(String... fieldsAndValues) {
    return set("/api/haproxy/settings/", "Backend", "backend", fieldsAndValues);
  }

  private Tamper snat(String... fieldsAndValues) {
    return set("/api/firewall/source_nat/", "Rule", "rule", fieldsAndValues);
  }

  private Tamper frontend(String... fieldsAndValues) {
    return set("/api/haproxy/settings/", "Frontend", "frontend", fieldsAndValues);
  }

  private Tamper range(String... fieldsAndValues) {
    return set("/api/dnsmasq/settings/", "Range", "range", fieldsAndValues);
  }

  private Tamper user(String... fieldsAndValues) {
    return set("/api/auth/user/", "", "user", fieldsAndValues);
  }

  private Tamper dns(String... fieldsAndValues) {
    return set("/api/unbound/settings/", "HostOverride", "host", fieldsAndValues);
  }

  private Tamper dnsmasqHost(String... fieldsAndValues) {
    return set("/api/dnsmasq/settings/", "Host", "host", fieldsAndValues);
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
                """
                {"enabled": true, "name": "contract_alias", "type": "host",
                 "content": ["10.0.0.1", "10.0.0.2"], "description": "contract two",
                 "native": {"counters": "0"}}
                """)
            .invalid("{\"type\": \"host\", \"content\": [\"10.0.0.300\"]}")
            .drift("enabled", alias("enabled", "0"))
            .drift("name", alias("name", "other_alias"))
            .drift("type", alias("type", "network"))
            .drift("content", alias("content", "10.0.0.2"))
            .drift("proto", alias("proto", "IPv4"))
            .drift("updateFrequency", alias("updatefreq", "1"))
            .drift("description", alias("description", "changed in the GUI"))
            .drift("native", alias("counters", "1")),
        TypeSample.of(
                "opnsense:firewall:rule",
                "contract-rule",
                """
                {"enabled": true, "action": "pass", "interface": "lan", "direction": "in",
                 "ipProtocol": "inet", "protocol": "tcp", "source": "10.0.0.0/8",
                 "sourcePort": "", "destination": "192.168.1.10", "port": 22, "log": false,
                 "quick": true, "sequence": 100, "gateway": "", "description": "contract"}
                """)
            .update(
                """
                {"enabled": true, "action": "pass", "interface": "lan", "direction": "in",
                 "ipProtocol": "inet", "protocol": "tcp", "source": "10.0.0.0/8",
                 "sourcePort": "", "destination": "192.168.1.10", "port": 2222, "log": true,
                 "quick": true, "sequence": 100, "gateway": "", "description": "contract"}
                """)
            .drift("enabled", rule("enabled", "0"))
            .drift("action", rule("action", "block"))
            .drift("interface", rule("interface", "wan"))
            .drift("direction", rule("direction", "out"))
            .drift(
                "ipProtocol",
                rule(
                    "ipprotocol", "inet6", "source_net", "fd00::/8", "destination_net", "fd00::10"))
            .drift("protocol", rule("protocol", "UDP"))
            .drift("source", rule("source_net", "10.1.0.0/16"))
            .drift("sourcePort", rule("source_port", "1024"))
            .drift("destination", rule("destination_net", "192.168.1.11"))
            .drift("port", rule("destination_port", "2222"))
            .drift("log", rule("log", "1"))
            .drift("quick", rule("quick", "0"))
            .drift("sequence", rule("sequence", "200"))
            .drift("gateway", rule("gateway", "WAN_DHCP"))
            .drift("description", rule("description", "changed in the GUI"))
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:network:vlan",
                "contract-vlan",
                """
                {"interface": "igb2", "tag": 100, "priority": 0, "protocol": "802.1q",
                 "device": "vlan0.100", "description": "contract"}
                """)
            .update(
                """
                {"interface": "igb2", "tag": 100, "priority": 3, "protocol": "802.1q",
                 "device": "vlan0.100", "description": "contract two"}
                """)
            .invalid("{\"interface\": \"igb2\", \"tag\": 101, \"device\": \"bogus device\"}")
            .drift("interface", vlan("if", "igb3"))
            .drift("tag", vlan("tag", "101"))
            .drift("priority", vlan("pcp", "5"))
            .drift("protocol", vlan("proto", "802.1ad"))
            .drift("device", vlan("vlanif", "vlan0.999"))
            .drift("description", vlan("descr", "changed in the GUI"))
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:service:haproxy:server",
                "contract-server",
                """
                {"enabled": true, "name": "contract-server", "address": "10.0.0.8",
                 "port": 8080, "mode": "active", "weight": 10, "ssl": false,
                 "sslVerify": true, "description": "contract"}
                """)
            .update(
                """
                {"enabled": true, "name": "contract-server", "address": "10.0.0.8",
                 "port": 8081, "mode": "backup", "weight": 20, "ssl": false,
                 "sslVerify": true, "description": "contract"}
                """)
            .drift("enabled", server("enabled", "0"))
            .drift("name", server("name", "renamed"))
            .drift("address", server("address", "10.0.0.9"))
            .drift("port", server("port", "9090"))
            .drift("mode", server("mode", "backup"))
            .drift("weight", server("weight", "30"))
            .drift("ssl", server("ssl", "1"))
            .drift("sslVerify", server("sslVerify", "0"))
            .drift("description", server("description", "changed in the GUI"))
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
                """
                {"enabled": true, "name": "contract-backend", "mode": "http",
                 "algorithm": "leastconn", "servers": ["10.0.0.9", "10.0.0.10:9090"],
                 "defaultPort": 8080, "healthCheck": true, "description": "contract"}
                """)
            .drift("enabled", backend("enabled", "0"))
            .drift("name", backend("name", "renamed"))
            .drift("mode", backend("mode", "tcp"))
            .drift("algorithm", backend("algorithm", "source"))
            .drift("servers", this::moveManagedServer)
            .notModelled(
                "defaultPort",
                "not stored on the firewall: the port of the servers the backend keeps for"
                    + " addresses given without one; a change of such a server's port on the"
                    + " firewall shows as drift on servers (the servers check changes exactly that)")
            .drift("healthCheck", backend("healthCheckEnabled", "0"))
            .drift("description", backend("description", "changed in the GUI"))
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:service:dns:override",
                "contract-dns",
                """
                {"enabled": true, "hostname": "nas", "domain": "home.arpa", "type": "A",
                 "address": "10.0.0.1", "mxPriority": 10, "mx": "", "txt": "", "ttl": 300,
                 "description": "contract"}
                """)
            .update(
                """
                {"enabled": true, "hostname": "nas", "domain": "home.arpa", "type": "A",
                 "address": "10.0.0.7", "mxPriority": 10, "mx": "", "txt": "", "ttl": 600,
                 "description": "contract"}
                """)
            .drift("enabled", dns("enabled", "0"))
            .drift("hostname", dns("hostname", "files"))
            .drift("domain", dns("domain", "example.org"))
            .drift("type", dns("rr", "MX", "mx", "mail.example.org"))
            .drift("address", dns("server", "10.0.0.2"))
            .drift("mxPriority", dns("mxprio", "20"))
            .drift("mx", dns("mx", "mail.example.org"))
            .drift("txt", dns("txtdata", "v=spf1"))
            .drift("ttl", dns("ttl", "60"))
            .drift("description", dns("description", "changed in the GUI"))
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:service:dhcp:static",
                "contract-static",
                """
                {"server": "dnsmasq", "ip": "192.168.1.30", "mac": "00:11:22:33:44:66",
                 "hostname": "nas", "domain": "home.arpa", "description": "contract"}
                """)
            .update(
                """
                {"server": "dnsmasq", "ip": "192.168.1.31", "mac": "00:11:22:33:44:66",
                 "hostname": "nas2", "domain": "home.arpa", "description": "contract"}
                """)
            .drift("ip", dnsmasqHost("ip", "192.168.1.32"))
            .drift("mac", dnsmasqHost("hwaddr", "00:11:22:33:44:77"))
            .drift("hostname", dnsmasqHost("host", "printer"))
            .drift("domain", dnsmasqHost("domain", "example.org"))
            .drift("description", dnsmasqHost("descr", "changed in the GUI"))
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
                """
                {"kind": "outbound", "sequence": 100, "enabled": true, "noNat": false,
                 "interface": "wan", "ipProtocol": "inet", "protocol": "tcp",
                 "source": "10.0.0.0/24", "sourcePort": "", "destination": "any", "port": "",
                 "target": "192.0.2.11", "targetPort": "", "log": true,
                 "description": "contract two"}
                """)
            .replace(
                """
                {"kind": "port-forward", "interface": "wan", "destination": "wanip",
                 "port": 8443, "target": "10.0.0.1", "targetPort": 443,
                 "description": "contract"}
                """)
            .drift("sequence", snat("sequence", "200"))
            .drift("enabled", snat("enabled", "0"))
            .drift("noNat", snat("nonat", "1"))
            .drift("interface", snat("interface", "lan"))
            .drift(
                "ipProtocol",
                snat("ipprotocol", "inet6", "source_net", "fd00::/64", "target", "fd00::1"))
            .drift("protocol", snat("protocol", "UDP"))
            .drift("source", snat("source_net", "10.1.0.0/24"))
            .drift("sourcePort", snat("source_port", "1024"))
            .drift("destination", snat("destination_net", "192.0.2.0/24"))
            .drift("port", snat("destination_port", "443"))
            .drift("target", snat("target", "192.0.2.12"))
            .drift("targetPort", snat("target_port", "2000"))
            .drift("log", snat("log", "1"))
            .drift("description", snat("description", "changed in the GUI"))
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
                """
                {"enabled": true, "name": "contract-frontend", "bind": "0.0.0.0:9443",
                 "mode": "http", "defaultBackend": "%s", "ssl": false, "certificates": [],
                 "description": "contract two"}
                """
                    .formatted(backendTwo))
            .drift("enabled", frontend("enabled", "0"))
            .drift("name", frontend("name", "renamed"))
            .drift("bind", frontend("bind", "0.0.0.0:7443"))
            .drift("mode", frontend("mode", "tcp"))
            .drift("defaultBackend", frontend("defaultBackend", backendTwo))
            .drift("ssl", frontend("ssl_enabled", "1"))
            .notModelled(
                "certificates",
                "not covered: needs a certificate on the firewall (the certificate type is not in"
                    + " this fixture yet)")
            .drift("description", frontend("description", "changed in the GUI"))
            .notModelled("native", "covered on the alias sample"),
        TypeSample.of(
                "opnsense:service:dhcp:range",
                "contract-range",
                """
                {"server": "dnsmasq", "interface": "lan", "start": "192.168.1.100",
                 "end": "192.168.1.150", "leaseTime": 3600, "domain": "home.arpa",
                 "description": "contract"}
                """)
            .update(
                """
                {"server": "dnsmasq", "interface": "lan", "start": "192.168.1.100",
                 "end": "192.168.1.160", "leaseTime": 7200, "domain": "home.arpa",
                 "description": "contract"}
                """)
            .drift("interface", range("interface", "wan"))
            .drift("start", range("start_addr", "192.168.1.110"))
            .drift("end", range("end_addr", "192.168.1.170"))
            .drift("leaseTime", range("lease_time", "600"))
            .drift("domain", range("domain", "example.org"))
            .drift("description", range("description", "changed in the GUI"))
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
                """
                {"name": "contract-user", "password": "S3cret!one", "enabled": true,
                 "description": "contract two", "email": "ops@example.org",
                 "comment": "moved", "expires": "", "shell": "/bin/sh", "authorizedKeys": "",
                 "privileges": ["page-firewall-rules", "page-firewall-alias-edit"],
                 "groups": ["1999"]}
                """)
            .drift("name", user("name", "renamed"))
            .drift("enabled", user("disabled", "1"))
            .drift("description", user("descr", "changed in the GUI"))
            .drift("email", user("email", "root@example.org"))
            .drift("comment", user("comment", "changed"))
            .drift("expires", user("expires", "12/31/2030"))
            .drift("shell", user("shell", "/bin/csh"))
            .drift(
                "authorizedKeys",
                user("authorizedkeys", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDu9 ops"))
            .drift("privileges", user("priv", "page-all"))
            .drift("groups", user("group_memberships", "1999"))
            .notModelled("native", "covered on the alias sample"));
  }

  /** The port of the server the backend keeps for an address given without one. */
  private void moveManagedServer(io.mcpiac.engine.providers.contract.ContractObject backend)
      throws Exception {
    for (JsonNode row : fw.rows("/api/haproxy/settings/searchServers")) {
      if (row.path("address").asText().equals("10.0.0.9")) {
        server("port", "9999")
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
