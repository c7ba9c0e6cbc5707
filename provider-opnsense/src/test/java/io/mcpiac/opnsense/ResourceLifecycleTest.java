package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.Cancellation;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.execution.ProgressListener;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every type created, read back, updated, replaced and deleted through the real engine. */
class ResourceLifecycleTest {
  @TempDir Path dir;

  static String first(boolean assignment) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: lifecycle}
        spec:
          resources:
            - {type: opnsense:network:vlan, name: v, properties: {tag: 100, interface: igb2, description: servers}}
        %s
            - {type: opnsense:firewall:alias, name: hosts, properties: {type: host, content: ["10.0.0.1"]}}
            - type: opnsense:firewall:rule
              name: r
              properties: {interface: lan, source: 10.0.0.0/8, destination: "${hosts.name}", port: 22}
            - type: opnsense:firewall:nat
              name: pf
              properties: {interface: wan, destination: wanip, port: 8443, target: 10.0.0.1, targetPort: 443, description: web}
            - type: opnsense:firewall:nat
              name: snat
              properties: {kind: outbound, source: 10.0.0.0/24, target: 192.0.2.10, description: out}
            - type: opnsense:firewall:nat
              name: one
              properties: {kind: one-to-one, source: 10.0.0.5, external: 192.0.2.50}
            - {type: opnsense:service:haproxy:server, name: s1, properties: {address: 10.0.0.8, port: 8080}}
            - type: opnsense:service:haproxy:backend
              name: b
              properties: {servers: ["${s1.uuid}", "10.0.0.9"], defaultPort: 8080, algorithm: roundrobin}
            - type: opnsense:service:haproxy:frontend
              name: f
              properties: {bind: "0.0.0.0:80", defaultBackend: "${b.uuid}"}
            - {type: opnsense:service:dns:override, name: d, properties: {hostname: nas, domain: home.arpa, address: 10.0.0.1}}
            - {type: opnsense:service:dhcp:range, name: kr, properties: {subnet: 10.1.0.0/24, start: 10.1.0.100, end: 10.1.0.200}}
            - type: opnsense:service:dhcp:static
              name: ks
              dependsOn: [kr]
              properties: {subnet: 10.1.0.0/24, ip: 10.1.0.5, mac: "00:11:22:33:44:55", hostname: printer}
            - {type: opnsense:service:dhcp:range, name: dr, properties: {server: dnsmasq, interface: lan, start: 192.168.1.100, end: 192.168.1.150}}
            - {type: opnsense:service:dhcp:static, name: ds, properties: {server: dnsmasq, ip: 192.168.1.30, mac: "00:11:22:33:44:66", hostname: nas}}
            - {type: opnsense:security:certificate, name: c, properties: {description: web, commonName: fw.example.com}}
            - {type: opnsense:security:user, name: u, properties: {name: svc-iac, password: "S3cret!one", description: IaC}}
        """
        .formatted(
            assignment
                ? "    - {type: opnsense:network:interface, name: vif, properties: {device: \"${v.device}\", description: servers}}"
                : "");
  }

  static String second(boolean assignment) {
    return """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: lifecycle}
        spec:
          resources:
            - {type: opnsense:network:vlan, name: v, properties: {tag: 100, interface: igb2, description: apps, priority: 3}}
        %s
            - {type: opnsense:firewall:alias, name: hosts, properties: {type: host, content: ["10.0.0.1", "10.0.0.2"]}}
            - type: opnsense:firewall:rule
              name: r
              properties: {interface: lan, source: 10.0.0.0/8, destination: "${hosts.name}", port: 2222, log: true}
            - type: opnsense:firewall:nat
              name: pf
              properties: {interface: wan, destination: wanip, port: 9443, target: 10.0.0.1, targetPort: 443, description: web}
            - type: opnsense:firewall:nat
              name: snat
              properties: {kind: outbound, source: 10.0.0.0/24, target: 192.0.2.11, description: out}
            - type: opnsense:firewall:nat
              name: one
              properties: {kind: outbound, source: 10.0.0.5, target: 192.0.2.51}
            - {type: opnsense:service:haproxy:server, name: s1, properties: {address: 10.0.0.8, port: 8081}}
            - type: opnsense:service:haproxy:backend
              name: b
              properties: {servers: ["${s1.uuid}", "10.0.0.10:9090"], defaultPort: 8080, algorithm: leastconn}
            - type: opnsense:service:haproxy:frontend
              name: f
              properties: {bind: "0.0.0.0:8080", defaultBackend: "${b.uuid}"}
            - {type: opnsense:service:dns:override, name: d, properties: {hostname: nas, domain: home.arpa, address: 10.0.0.7}}
            - {type: opnsense:service:dhcp:range, name: kr, properties: {subnet: 10.1.0.0/24, start: 10.1.0.50, end: 10.1.0.200}}
            - type: opnsense:service:dhcp:static
              name: ks
              dependsOn: [kr]
              properties: {subnet: 10.1.0.0/24, ip: 10.1.0.6, mac: "00:11:22:33:44:55", hostname: printer}
            - {type: opnsense:service:dhcp:range, name: dr, properties: {server: dnsmasq, interface: lan, start: 192.168.1.100, end: 192.168.1.160}}
            - {type: opnsense:service:dhcp:static, name: ds, properties: {server: dnsmasq, ip: 192.168.1.31, mac: "00:11:22:33:44:66", hostname: nas}}
            - {type: opnsense:security:certificate, name: c, properties: {description: web, commonName: www.example.com}}
            - {type: opnsense:security:user, name: u, properties: {name: svc-iac, password: "S3cret!two", description: IaC service}}
        """
        .formatted(
            assignment
                ? "    - {type: opnsense:network:interface, name: vif, properties: {device: \"${v.device}\", description: apps}}"
                : "");
  }

  static final List<String> COLLECTIONS =
      List.of(
          "/api/interfaces/vlan_settings/searchItem",
          "/api/firewall/alias/searchItem",
          "/api/firewall/d_nat/searchRule",
          "/api/firewall/one_to_one/searchRule",
          "/api/haproxy/settings/searchServers",
          "/api/haproxy/settings/searchBackends",
          "/api/haproxy/settings/searchFrontends",
          "/api/unbound/settings/searchHostOverride",
          "/api/kea/dhcpv4/searchSubnet",
          "/api/kea/dhcpv4/searchReservation",
          "/api/dnsmasq/settings/searchRange",
          "/api/dnsmasq/settings/searchHost",
          "/api/trust/cert/search");

  // every emulator profile: both sides of each version trap (issue 14)
  @ParameterizedTest
  @ValueSource(strings = {"26.1.0", "26.1.2", "26.1", "26.1.11", "26.7"})
  void everyTypeIsCreatedReadBackUpdatedReplacedAndDeleted(String version) throws Exception {
    boolean assignment = version.equals("26.7");
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment v1 = Firewall.deployment(reg, first(assignment));
      ExecutionResult r1 = Firewall.apply(engine, v1);
      assertThat(r1.success()).as(String.valueOf(r1.error())).isTrue();
      assertThat(Firewall.plan(engine, v1).hasChanges()).as("read back as written").isFalse();

      assertThat(fw.rows("/api/interfaces/vlan_settings/searchItem"))
          .singleElement()
          .satisfies(row -> assertThat(row.path("tag").asText()).isEqualTo("100"));
      assertThat(fw.rows("/api/haproxy/settings/searchServers")).hasSize(2);
      assertThat(r1.results()).allSatisfy(a -> assertThat(a.outputs().has("uuid")).isTrue());

      Deployment v2 = Firewall.deployment(reg, second(assignment));
      Plan p2 = Firewall.plan(engine, v2);
      assertThat(p2.action("c").orElseThrow().action()).isEqualTo(ActionType.REPLACE);
      assertThat(p2.action("one").orElseThrow().action()).isEqualTo(ActionType.REPLACE);
      assertThat(p2.action("r").orElseThrow().action()).isEqualTo(ActionType.UPDATE);
      ExecutionResult r2 = Firewall.apply(engine, v2);
      assertThat(r2.success()).as(String.valueOf(r2.error())).isTrue();
      assertThat(Firewall.plan(engine, v2).hasChanges()).isFalse();

      assertThat(fw.rules())
          .singleElement()
          .satisfies(
              rule -> {
                assertThat(rule.path("destination_port").asText()).isEqualTo("2222");
                assertThat(rule.path("log").asText()).isEqualTo("1");
              });
      assertThat(fw.rows("/api/firewall/one_to_one/searchRule")).isEmpty();
      assertThat(fw.rows("/api/trust/cert/search"))
          .singleElement()
          .satisfies(c -> assertThat(c.path("commonname").asText()).isEqualTo("www.example.com"));
      // the backend's own server for 10.0.0.9 went, the one for 10.0.0.10:9090 came
      assertThat(fw.rows("/api/haproxy/settings/searchServers"))
          .extracting(s -> s.path("address").asText() + ":" + s.path("port").asText())
          .containsExactlyInAnyOrder("10.0.0.8:8081", "10.0.0.10:9090");
      assertThat(fw.rows("/api/unbound/settings/searchHostOverride"))
          .singleElement()
          .satisfies(h -> assertThat(h.path("server").asText()).isEqualTo("10.0.0.7"));
      if (assignment) {
        assertThat(optInterfaces(fw))
            .singleElement()
            .satisfies(i -> assertThat(i.path("descr").asText()).isEqualTo("apps"));
      }

      Engine.Applied gone =
          engine.destroy(
              "lifecycle",
              ExecutionOptions.DEFAULTS,
              p -> true,
              ProgressListener.NONE,
              new Cancellation());
      assertThat(gone.result().success()).as(String.valueOf(gone.result().error())).isTrue();
      for (String c : COLLECTIONS) {
        assertThat(fw.rows(c)).as(c).isEmpty();
      }
      assertThat(fw.rules()).isEmpty();
      assertThat(fw.rows("/api/auth/user/search"))
          .noneMatch(u -> u.path("name").asText().equals("svc-iac"));
      if (assignment) {
        assertThat(optInterfaces(fw)).isEmpty();
      }
    }
  }

  static List<JsonNode> optInterfaces(Firewall fw) {
    List<JsonNode> out = new java.util.ArrayList<>();
    io.mcpiac.engine.json.Json.object();
    for (JsonNode row :
        fw.api("POST", "/api/interfaces/assignment/searchItem", io.mcpiac.engine.json.Json.object())
            .path("rows")) {
      if (row.path("uuid").asText().startsWith("opt")) {
        out.add(row);
      }
    }
    return out;
  }

  @Test
  void interfaceAssignmentIsRefusedAtPlanTimeOnFirewallsWithoutItsApi() throws Exception {
    try (Firewall fw = new Firewall("26.1", dir);
        ProviderRegistry reg = fw.registry()) {
      String yaml =
          """
          apiVersion: iac.mcp/v1
          kind: Deployment
          metadata: {name: old}
          spec:
            resources:
              - {type: opnsense:network:interface, name: i, properties: {device: igb3}}
          """;
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Firewall.deployment(reg, yaml))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("not supported by this firewall version")
          .hasMessageContaining("26.1");
    }
  }

  @Test
  void examplesAreValidWithoutAFirewall() throws Exception {
    try (ProviderRegistry reg = Firewall.registry(java.util.Map.of(), java.util.Map.of())) {
      for (String f : List.of("opnsense-web.yaml", "opnsense-two-firewalls.yaml")) {
        Path p = Path.of("..", "examples", f);
        if (Files.exists(p)) {
          io.mcpiac.engine.config.DeploymentValidator.requireValid(
              io.mcpiac.engine.config.DeploymentLoader.read(p), reg);
        }
      }
    }
  }
}
