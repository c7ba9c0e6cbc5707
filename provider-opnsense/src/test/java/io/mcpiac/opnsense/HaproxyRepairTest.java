package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, found after item 2: a HAProxy backend disabled by hand (with one of its servers) was
 * not repaired in one apply: the servers come first in dependency order, and their batch's
 * configtest failed on the frontend whose backend is disabled — a fault that batch did not make and
 * that only the backend's own repair, which then never ran, would clear. One apply must put it
 * back, and the plan after it has no changes.
 */
class HaproxyRepairTest {
  @TempDir Path dir;

  static final String YAML =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: office}
      spec:
        resources:
          - {type: opnsense:service:haproxy:server, name: s1, properties: {address: 10.0.0.8, port: 8080}}
          - {type: opnsense:service:haproxy:server, name: s2, properties: {address: 10.0.0.9, port: 8080}}
          - {type: opnsense:service:haproxy:backend, name: b, properties: {servers: ["${s1.uuid}", "${s2.uuid}"]}}
          - {type: opnsense:service:haproxy:frontend, name: f, properties: {bind: "0.0.0.0:80", defaultBackend: "${b.uuid}"}}
      """;

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void aBackendDisabledByHandIsRepairedInOneApply(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d = Firewall.deployment(reg, YAML);
      var first = Firewall.apply(engine, d);
      assertThat(first.success()).as("%s", first).isTrue();
      String backend = engine.state("office").resources().get("b").id();

      // disabled in the GUI and applied there
      assertThat(
              fw.api(
                      "POST",
                      "/api/haproxy/settings/setBackend/" + backend,
                      Json.parse("{\"backend\":{\"enabled\":\"0\"}}"))
                  .path("result")
                  .asText())
          .isEqualTo("saved");
      // and one of its servers, as DefaultDriftTest's edits do
      String s1 = engine.state("office").resources().get("s1").id();
      fw.api(
          "POST",
          "/api/haproxy/settings/setServer/" + s1,
          Json.parse("{\"server\":{\"enabled\":\"0\"}}"));
      fw.api("POST", "/api/haproxy/service/reconfigure", null);

      Plan plan = Firewall.plan(engine, d);
      PlannedAction b = plan.action("b").orElseThrow();
      assertThat(b.action()).isEqualTo(ActionType.UPDATE);
      assertThat(b.drift()).anyMatch(c -> c.path().equals("enabled"));
      assertThat(plan.action("s1").orElseThrow().drift()).anyMatch(c -> c.path().equals("enabled"));

      var repaired = Firewall.apply(engine, d);
      assertThat(repaired.success()).as("one apply repairs it: %s", repaired).isTrue();
      assertThat(
              fw.api("GET", "/api/haproxy/settings/getBackend/" + backend, null)
                  .path("backend")
                  .path("enabled")
                  .asText())
          .isEqualTo("1");
      assertThat(
              fw.api("GET", "/api/haproxy/settings/getServer/" + s1, null)
                  .path("server")
                  .path("enabled")
                  .asText())
          .isEqualTo("1");
      assertThat(fw.api("POST", "/api/haproxy/service/configtest", null).path("result").asText())
          .doesNotContain("ALERT");
      assertThat(Firewall.plan(engine, d).hasChanges()).isFalse();
    }
  }

  /**
   * The other side of it: a fault the apply does not clear (someone's own frontend pointing at
   * their own disabled backend). Our server change is written — it is not at fault — but HAProxy
   * cannot be reloaded, so the plan keeps showing the scope as not activated, until it can be.
   */
  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void aFaultThatIsNotOursLeavesTheScopeToActivate(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d = Firewall.deployment(reg, YAML);
      assertThat(Firewall.apply(engine, d).success()).isTrue();
      String theirs =
          fw.api(
                  "POST",
                  "/api/haproxy/settings/addBackend",
                  Json.parse("{\"backend\":{\"name\":\"theirs\",\"enabled\":\"0\"}}"))
              .path("uuid")
              .asText();
      String frontend =
          fw.api(
                  "POST",
                  "/api/haproxy/settings/addFrontend",
                  Json.parse(
                      "{\"frontend\":{\"name\":\"their-fe\",\"bind\":\"0.0.0.0:81\","
                          + "\"defaultBackend\":\""
                          + theirs
                          + "\"}}"))
              .path("uuid")
              .asText();
      assertThat(frontend).isNotBlank();

      Deployment changed = Firewall.deployment(reg, YAML.replace("port: 8080}", "port: 8081}"));
      var applied = Firewall.apply(engine, changed);
      assertThat(applied.success()).as("%s", applied).isTrue();
      String s1 = engine.state("office").resources().get("s1").id();
      assertThat(
              fw.api("GET", "/api/haproxy/settings/getServer/" + s1, null)
                  .path("server")
                  .path("port")
                  .asText())
          .isEqualTo("8081");
      Plan after = Firewall.plan(engine, changed);
      assertThat(after.activations()).extracting(a -> a.scope()).containsExactly("haproxy");

      // they fix their frontend: the next apply activates what was written
      fw.api("POST", "/api/haproxy/settings/delFrontend/" + frontend, null);
      assertThat(Firewall.apply(engine, changed).success()).isTrue();
      assertThat(Firewall.plan(engine, changed).hasChanges()).isFalse();
    }
  }
}
