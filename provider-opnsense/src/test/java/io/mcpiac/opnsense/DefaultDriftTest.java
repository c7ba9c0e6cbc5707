package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, item 2: a file that leaves properties out (their defaults), every type; on the firewall
 * someone changes those modelled fields behind our back. The plan must show each as drift (it said
 * "No changes" before) and apply must put the defaults back on the firewall.
 */
class DefaultDriftTest {
  @TempDir Path dir;

  static final String YAML =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: office}
      spec:
        resources:
          - {type: opnsense:network:vlan, name: v, properties: {tag: 120, interface: igb2}}
          - {type: opnsense:firewall:alias, name: printers, properties: {type: host, content: ["10.0.0.9"]}}
          - {type: opnsense:firewall:rule, name: mgmt, properties: {interface: lan, port: 443}}
          - type: opnsense:firewall:nat
            name: pf
            properties: {interface: wan, destination: wanip, port: 8443, target: 10.0.0.1, targetPort: 443}
          - {type: opnsense:firewall:nat, name: snat, properties: {kind: outbound, source: 10.0.0.0/24, target: 192.0.2.10}}
          - {type: opnsense:firewall:nat, name: one, properties: {kind: one-to-one, source: 10.0.0.5, external: 192.0.2.50}}
          - {type: opnsense:service:haproxy:server, name: s1, properties: {address: 10.0.0.8, port: 8080}}
          - {type: opnsense:service:haproxy:backend, name: b, properties: {servers: ["${s1.uuid}"]}}
          - {type: opnsense:service:haproxy:frontend, name: f, properties: {bind: "0.0.0.0:80", defaultBackend: "${b.uuid}"}}
          - {type: opnsense:service:dns:override, name: d, properties: {hostname: nas, domain: home.arpa, address: 10.0.0.1}}
          - {type: opnsense:service:dhcp:range, name: kr, properties: {subnet: 10.1.0.0/24, start: 10.1.0.100, end: 10.1.0.200}}
          - type: opnsense:service:dhcp:static
            name: ks
            dependsOn: [kr]
            properties: {subnet: 10.1.0.0/24, ip: 10.1.0.5, mac: "00:11:22:33:44:55"}
          - {type: opnsense:service:dhcp:range, name: dr, properties: {server: dnsmasq, interface: lan, start: 192.168.1.100, end: 192.168.1.150}}
          - {type: opnsense:service:dhcp:static, name: ds, properties: {server: dnsmasq, ip: 192.168.1.30, mac: "00:11:22:33:44:66"}}
          - {type: opnsense:security:user, name: u, properties: {name: svc-iac, password: "S3cret!one"}}
      """;

  /** One field changed on the firewall: resource, its set path (without uuid), wrapper, field. */
  record GuiEdit(
      String resource, String setPath, String wrapper, String field, String value, String prop) {}

  static final List<GuiEdit> EDITS =
      List.of(
          new GuiEdit(
              "v", "/api/interfaces/vlan_settings/setItem/", "vlan", "descr", "x", "description"),
          new GuiEdit(
              "printers", "/api/firewall/alias/setItem/", "alias", "enabled", "0", "enabled"),
          new GuiEdit(
              "printers",
              "/api/firewall/alias/setItem/",
              "alias",
              "description",
              "x",
              "description"),
          new GuiEdit("mgmt", "/api/firewall/filter/setRule/", "rule", "enabled", "0", "enabled"),
          new GuiEdit("mgmt", "/api/firewall/filter/setRule/", "rule", "log", "1", "log"),
          new GuiEdit("mgmt", "/api/firewall/filter/setRule/", "rule", "quick", "0", "quick"),
          new GuiEdit(
              "mgmt", "/api/firewall/filter/setRule/", "rule", "description", "x", "description"),
          new GuiEdit("pf", "/api/firewall/d_nat/setRule/", "rule", "disabled", "1", "enabled"),
          new GuiEdit("pf", "/api/firewall/d_nat/setRule/", "rule", "log", "1", "log"),
          new GuiEdit(
              "snat", "/api/firewall/source_nat/setRule/", "rule", "enabled", "0", "enabled"),
          new GuiEdit(
              "one", "/api/firewall/one_to_one/setRule/", "rule", "enabled", "0", "enabled"),
          new GuiEdit(
              "s1", "/api/haproxy/settings/setServer/", "server", "enabled", "0", "enabled"),
          new GuiEdit("s1", "/api/haproxy/settings/setServer/", "server", "ssl", "1", "ssl"),
          new GuiEdit(
              "b", "/api/haproxy/settings/setBackend/", "backend", "enabled", "0", "enabled"),
          new GuiEdit(
              "b",
              "/api/haproxy/settings/setBackend/",
              "backend",
              "description",
              "x",
              "description"),
          new GuiEdit(
              "f",
              "/api/haproxy/settings/setFrontend/",
              "frontend",
              "description",
              "x",
              "description"),
          new GuiEdit(
              "d", "/api/unbound/settings/setHostOverride/", "host", "enabled", "0", "enabled"),
          new GuiEdit(
              "kr", "/api/kea/dhcpv4/setSubnet/", "subnet4", "description", "x", "description"),
          new GuiEdit(
              "ks",
              "/api/kea/dhcpv4/setReservation/",
              "reservation",
              "description",
              "x",
              "description"),
          new GuiEdit(
              "dr", "/api/dnsmasq/settings/setRange/", "range", "description", "x", "description"),
          new GuiEdit("ds", "/api/dnsmasq/settings/setHost/", "host", "descr", "x", "description"),
          new GuiEdit("u", "/api/auth/user/set/", "user", "disabled", "1", "enabled"),
          new GuiEdit("u", "/api/auth/user/set/", "user", "email", "x@example.com", "email"));

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void fieldsTheFileLeavesOutAreComparedWithTheirDefaults(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d = Firewall.deployment(reg, YAML);
      assertThat(Firewall.apply(engine, d).success()).isTrue();
      assertThat(Firewall.plan(engine, d).hasChanges()).isFalse();

      for (GuiEdit e : EDITS) {
        String id = engine.state("office").resources().get(e.resource()).id();
        ObjectNode body = Json.object();
        body.putObject(e.wrapper()).put(e.field(), e.value());
        assertThat(fw.api("POST", e.setPath() + id, body).path("result").asText())
            .as("GUI edit %s", e)
            .isEqualTo("saved");
      }

      Plan plan = Firewall.plan(engine, d);
      for (GuiEdit e : EDITS) {
        PlannedAction a = plan.action(e.resource()).orElseThrow();
        assertThat(a.action()).as("%s", e).isEqualTo(ActionType.UPDATE);
        assertThat(a.drift()).as("drift of %s", e).anyMatch(c -> c.path().equals(e.prop()));
        assertThat(a.changes()).as("changes of %s", e).anyMatch(c -> c.path().equals(e.prop()));
      }
      assertThat(engine.refresh("office")).extracting(PlannedAction::name).contains("mgmt", "u");

      var repaired = Firewall.apply(engine, d);
      assertThat(repaired.success()).as("%s", repaired).isTrue();
      for (GuiEdit e : EDITS) {
        String id = engine.state("office").resources().get(e.resource()).id();
        String getPath = e.setPath().replace("/set", "/get");
        String now = fw.api("GET", getPath + id, null).path(e.wrapper()).path(e.field()).asText();
        assertThat(now).as("firewall's %s after apply", e).isNotEqualTo(e.value());
      }
      assertThat(Firewall.plan(engine, d).hasChanges()).isFalse();
    }
  }
}
