package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.ExecutionResult;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Faults injected through the emulator's control API: every run ends converged or cleanly rolled
 * back, never with a duplicate or an orphan (checked by searching the firewall).
 */
class FaultsTest {
  @TempDir Path dir;

  static final String WEB =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: faults}
      spec:
        resources:
          - {type: opnsense:network:vlan, name: v, properties: {tag: 150, interface: igb2}}
          - {type: opnsense:firewall:alias, name: web, properties: {type: host, content: ["10.0.0.10"]}}
          - {type: opnsense:firewall:rule, name: r1, properties: {interface: lan, destination: "${web.name}", port: 443}}
          - {type: opnsense:firewall:rule, name: r2, properties: {interface: lan, destination: "${web.name}", port: 80}}
          - {type: opnsense:service:haproxy:server, name: s1, properties: {address: 10.0.0.10, port: 8080}}
          - type: opnsense:service:haproxy:backend
            name: b
            properties: {servers: ["${s1.uuid}", "10.0.0.11:8080"]}
          - {type: opnsense:service:haproxy:frontend, name: f, properties: {bind: "0.0.0.0:443", defaultBackend: "${b.uuid}"}}
          - {type: opnsense:service:dns:override, name: d, properties: {hostname: www, domain: example.org, address: 10.0.0.10}}
      """;

  static void assertExactlyTheWebDeployment(Firewall fw) {
    assertThat(fw.rows("/api/interfaces/vlan_settings/searchItem")).hasSize(1);
    assertThat(fw.rows("/api/firewall/alias/searchItem")).hasSize(1);
    assertThat(fw.rules()).hasSize(2);
    assertThat(fw.rows("/api/haproxy/settings/searchServers")).hasSize(2);
    assertThat(fw.rows("/api/haproxy/settings/searchBackends")).hasSize(1);
    assertThat(fw.rows("/api/haproxy/settings/searchFrontends")).hasSize(1);
    assertThat(fw.rows("/api/unbound/settings/searchHostOverride")).hasSize(1);
  }

  static void assertNothing(Firewall fw) {
    for (String c : ResourceLifecycleTest.COLLECTIONS) {
      assertThat(fw.rows(c)).as(c).isEmpty();
    }
    assertThat(fw.rules()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "26.7, '{\"errorRate\":0.25,\"seed\":3}'",
    "26.1, '{\"dropRate\":0.25,\"seed\":5}'",
    "26.7, '{\"dropRate\":0.15,\"errorRate\":0.15,\"latencyMs\":30,\"seed\":9}'"
  })
  void retriesConvergeWithoutDuplicates(String version, String faults) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d = Firewall.deployment(reg, WEB);
      fw.faults(faults);
      ExecutionResult r = Firewall.apply(engine, d);
      fw.noFaults();
      if (r.success()) {
        assertExactlyTheWebDeployment(fw);
      } else {
        // rolled back: whatever the engine could not undo under faults converges now
        ExecutionResult again = Firewall.apply(engine, d);
        assertThat(again.success()).as(String.valueOf(again.error())).isTrue();
        assertExactlyTheWebDeployment(fw);
      }
      assertThat(engine.plan(d).hasChanges()).isFalse();
    }
  }

  @Test
  void overwhelmingFaultsEndRolledBackOrConvergedOnTheNextRun() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d = Firewall.deployment(reg, WEB);
      fw.faults("{\"errorRate\":0.7,\"seed\":1}");
      ExecutionResult r = Firewall.apply(engine, d);
      fw.noFaults();
      assertThat(r.success()).isFalse();
      ExecutionResult again = Firewall.apply(engine, d);
      assertThat(again.success()).as(String.valueOf(again.error())).isTrue();
      assertExactlyTheWebDeployment(fw);
      assertThat(engine.plan(d).hasChanges()).isFalse();
    }
  }

  @Test
  void aRefusedWriteRollsTheWholeApplyBack() throws Exception {
    try (Firewall fw = new Firewall("26.1", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      String bad =
          WEB
              + "    - {type: opnsense:firewall:alias, name: broken, properties: {type: host, content: [\"10.0.0.300\"]}}\n";
      ExecutionResult r = Firewall.apply(engine, Firewall.deployment(reg, bad));
      assertThat(r.success()).isFalse();
      assertThat(r.error()).contains("broken").contains("content");
      assertThat(r.rolledBack()).isTrue();
      assertNothing(fw);
      assertThat(engine.state("faults").resources()).isEmpty();
    }
  }

  @Test
  void aFailedHaproxyConfigtestActivatesNothingAndLeavesNothingBehind() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      String clash =
          """
          apiVersion: iac.mcp/v1
          kind: Deployment
          metadata: {name: faults}
          spec:
            resources:
              - {type: opnsense:firewall:alias, name: web, properties: {type: host, content: ["10.0.0.10"]}}
              - {type: opnsense:service:haproxy:backend, name: one, properties: {name: same, servers: ["10.0.0.1:80"]}}
              - {type: opnsense:service:haproxy:backend, name: two, properties: {name: same, servers: ["10.0.0.2:80"]}}
          """;
      fw.resetCalls();
      ExecutionResult r = Firewall.apply(engine, Firewall.deployment(reg, clash));
      assertThat(r.success()).isFalse();
      assertThat(r.error()).contains("configtest");
      assertThat(fw.calls("POST /api/haproxy/service/reconfigure")).isZero();
      assertNothing(fw);
      assertThat(ActivationTest.pending(fw)).as("modules left pending").isEmpty();
    }
  }

  @Test
  void interfaceAssignmentsAreMadeOnceUnderDroppedConnections() throws Exception {
    try (Firewall fw = new Firewall("26.7", dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d =
          Firewall.deployment(
              reg,
              """
              apiVersion: iac.mcp/v1
              kind: Deployment
              metadata: {name: faults}
              spec:
                resources:
                  - {type: opnsense:network:vlan, name: v, properties: {tag: 30, interface: igb3}}
                  - {type: opnsense:network:interface, name: i, properties: {device: "${v.device}", description: dmz}}
              """);
      fw.faults("{\"dropRate\":0.3,\"seed\":4}");
      ExecutionResult r = Firewall.apply(engine, d);
      fw.noFaults();
      if (!r.success()) {
        assertThat(Firewall.apply(engine, d).success()).isTrue();
      }
      assertThat(ResourceLifecycleTest.optInterfaces(fw)).hasSize(1);
      assertThat(fw.rows("/api/interfaces/vlan_settings/searchItem")).hasSize(1);
      assertThat(engine.plan(d).hasChanges()).isFalse();
    }
  }
}
