package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.ConfigException;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provider's plan-time checks (issue 14): what OPNsense would refuse is reported before
 * anything is sent, with file, resource and property; ranges written 8000-8080 or 8000:8080 reach
 * each field in its own syntax and plan clean afterwards; an AAAA address on an A record is a
 * warning.
 */
class PlanChecksTest {
  @TempDir Path dir;

  static String deployment(String resources) {
    return "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: checks}\nspec:\n  resources:\n"
        + resources;
  }

  @Test
  void portSyntaxIsCheckedPerFieldBeforeAnythingIsSent() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      String yaml =
          deployment(
              """
                  - {type: opnsense:firewall:rule, name: list, properties: {port: "80,443"}}
                  - {type: opnsense:firewall:rule, name: backwards, properties: {port: "8080-8000"}}
                  - {type: opnsense:firewall:rule, name: big, properties: {port: 70000}}
                  - type: opnsense:firewall:nat
                    name: fwd
                    properties: {target: 10.0.0.5, port: 8000-8080, targetPort: "9000:9080"}
                  - type: opnsense:firewall:alias
                    name: ports
                    properties: {type: port, content: ["8000-8080", "80-"]}
              """);
      assertThatThrownBy(() -> Firewall.deployment(reg, yaml))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(
              "resource 'list', property 'properties.port': takes one port, range or port alias,"
                  + " not a list ('80,443'); put several ports in a port alias")
          .hasMessageContaining(
              "resource 'backwards', property 'properties.port': '8080-8000': a range must go from"
                  + " the lower to the higher port")
          .hasMessageContaining(
              "resource 'big', property 'properties.port': '70000': ports are 1 to 65535")
          .hasMessageContaining(
              "resource 'fwd', property 'properties.targetPort': takes a single port or a port"
                  + " alias, not a range ('9000:9080')")
          .hasMessageContaining(
              "resource 'ports', property 'properties.content': '80-' is not a port: write a"
                  + " number 1-65535, a range 8000-8080 (or 8000:8080), a service name or a port"
                  + " alias");
      assertThat(fw.calls().keySet())
          .noneMatch(k -> k.startsWith("POST /api/firewall/") && !k.contains("search"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void bothRangeFormsReachEachFieldInItsSyntaxAndPlanClean(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d =
          Firewall.deployment(
              reg,
              deployment(
                  """
                      - {type: opnsense:firewall:rule, name: colon, properties: {protocol: tcp, port: "8000:8080"}}
                      - {type: opnsense:firewall:rule, name: dash, properties: {protocol: tcp, port: 9000-9080}}
                      - type: opnsense:firewall:alias
                        name: web-ports
                        properties: {type: port, content: ["8000-8080", "443"]}
                  """));
      assertThat(Firewall.apply(engine, d).success()).isTrue();
      JsonNode rules =
          fw.api("POST", "/api/firewall/filter/searchRule", io.mcpiac.engine.json.Json.object());
      assertThat(rules.toString()).contains("\"destination_port\":\"8000-8080\"");
      assertThat(rules.toString()).contains("\"destination_port\":\"9000-9080\"");
      JsonNode alias = fw.api("GET", "/api/firewall/alias/searchItem?searchPhrase=web_ports", null);
      assertThat(alias.at("/rows/0/content").asText()).isEqualTo("8000:8080\n443");
      Plan again = Firewall.plan(engine, d);
      assertThat(again.hasChanges()).isFalse();
    }
  }

  @Test
  void aUserNeedsAPasswordWhenItIsCreated() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      String yaml =
          deployment(
              "    - {type: opnsense:security:user, name: ops, properties: {description: x}}\n");
      assertThatThrownBy(() -> Firewall.deployment(reg, yaml))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(
              "resource 'ops', property 'properties.password': user 'ops' is not on the firewall"
                  + " yet, and OPNsense refuses to create a user without a password (\"A"
                  + " password is required\"): set password");
      // an existing user (root) needs none
      Firewall.deployment(
          reg,
          deployment(
              "    - {type: opnsense:security:user, name: admin, properties: {name: root}}\n"));
    }
  }

  /** Issue 12: 999.1.1.1 reached the firewall; it is a validation error now, nothing sent. */
  @Test
  void addressesThatAreNoAddressesAreRefusedBeforeAnythingIsSent() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      String yaml =
          deployment(
              """
                  - {type: opnsense:firewall:rule, name: bad, properties: {destination: 999.1.1.1}}
                  - {type: opnsense:firewall:rule, name: net, properties: {source: "!10.0.0.0/33"}}
                  - type: opnsense:service:dns:override
                    name: dns
                    properties: {hostname: h, domain: lan, address: 10.1.2.300}
                  - type: opnsense:firewall:rule
                    name: fine
                    properties: {source: [10.0.0.0/8, "!192.168.1.1"], destination: any}
              """);
      assertThatThrownBy(() -> Firewall.deployment(reg, yaml))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(
              "resource 'bad', property 'properties.destination': '999.1.1.1' is not a valid IPv4"
                  + " address: each number is 0 to 255")
          .hasMessageContaining(
              "resource 'net', property 'properties.source': '!10.0.0.0/33' is not a valid IPv4"
                  + " network: the prefix length is 0 to 32")
          .hasMessageContaining(
              "resource 'dns', property 'properties.address': '10.1.2.300' is not a valid IPv4"
                  + " address")
          .hasMessageNotContaining("resource 'fine'");
    }
  }

  @Test
  void aDnsmasqHostOverrideNeedsAnAddress() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      String yaml =
          deployment(
              "    - {type: opnsense:service:dhcp:static, name: nas, properties: {server: dnsmasq,"
                  + " hostname: nas, ip: \"\"}}\n");
      assertThatThrownBy(() -> Firewall.deployment(reg, yaml))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(
              "resource 'nas', property 'properties.ip': a dnsmasq host without a MAC address is"
                  + " a host override: OPNsense needs both hostname and ip (\"Both hostname and IP"
                  + " address are required for host overrides.\")");
    }
  }

  @Test
  void anAaaaAddressOnAnARecordIsAWarning() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d =
          Firewall.deployment(
              reg,
              deployment(
                  "    - {type: opnsense:service:dns:override, name: nas, properties: {hostname:"
                      + " nas, domain: lan, address: \"2001:db8::10\"}}\n"));
      Plan plan = Firewall.plan(engine, d);
      String warning =
          "resource 'nas': address 2001:db8::10 is IPv6 but the record type is A: OPNsense saves"
              + " it, Unbound then serves a broken record (use type: AAAA)";
      assertThat(plan.warningTexts()).contains(warning);
      assertThat(new PlanRenderer(false).render(plan)).contains("  ! " + warning);
    }
  }
}
