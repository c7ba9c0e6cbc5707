package io.mcpiac.opnsense;

import static io.mcpiac.opnsense.RuleOrderTest.OPTS;
import static io.mcpiac.opnsense.RuleOrderTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, item 1's last clause: on firewalls that have it (25.7+; NAT 26.1+) a rule whose place
 * changes is put there with the firewall's own {@code moveRuleBefore}, before the rule that now
 * follows it — a rule added by hand between ours keeps its place — and state records the sequence
 * the firewall gave it, so the next plan has no changes.
 */
class RuleMoveTest {
  @TempDir Path dir;

  static String rule(String name, String extra) {
    return "{type: opnsense:firewall:rule, name: "
        + name
        + ", properties: {interface: lan, description: "
        + name
        + extra
        + "}}";
  }

  static final String A = rule("allow-mgmt", ", port: 443");
  static final String B = rule("allow-dns", ", port: 53, protocol: udp");
  static final String C = rule("block-rest", ", action: block");

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void aReorderIsMadeWithTheFirewallsMoveCall(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d = Firewall.deployment(reg, yaml(A, B, C));
      assertThat(Firewall.apply(engine, d, OPTS).success()).isTrue();
      assertThat(seq(fw, engine, "allow-mgmt")).isEqualTo(100);
      assertThat(seq(fw, engine, "allow-dns")).isEqualTo(200);
      assertThat(seq(fw, engine, "block-rest")).isEqualTo(300);
      // someone puts a rule of their own between allow-dns and block-rest, at 250
      String hand =
          fw.api(
                  "POST",
                  "/api/firewall/filter/addRule",
                  Json.parse(
                      "{\"rule\":{\"interface\":\"lan\",\"sequence\":\"250\","
                          + "\"description\":\"by hand\"}}"))
              .path("uuid")
              .asText();

      // the file moves allow-mgmt after allow-dns: one rule moves, planned into the gap (250)
      Deployment moved = Firewall.deployment(reg, yaml(B, A, C));
      Plan p = Firewall.plan(engine, moved);
      assertThat(p.count(ActionType.UPDATE)).isEqualTo(1);
      assertThat(p.action("allow-mgmt").orElseThrow().changes())
          .anyMatch(c -> c.path().equals("sequence"));
      fw.resetCalls();
      assertThat(Firewall.apply(engine, moved, OPTS).success()).isTrue();
      String mgmt = id(engine, "allow-mgmt");
      assertThat(fw.calls("POST /api/firewall/filter/moveRuleBefore/" + mgmt + "/" + hand))
          .as("moved before the rule that now follows it, the hand-made one: %s", fw.calls())
          .isEqualTo(1);
      // the firewall put it in the middle of the gap before the hand-made rule
      assertThat(seq(fw, engine, "allow-dns")).isEqualTo(200);
      assertThat(seq(fw, engine, "allow-mgmt")).isEqualTo(225);
      assertThat(handSeq(fw, hand)).isEqualTo(250);
      assertThat(seq(fw, engine, "block-rest")).isEqualTo(300);
      assertThat(
              engine
                  .state("office")
                  .resources()
                  .get("allow-mgmt")
                  .properties()
                  .path("sequence")
                  .asInt())
          .as("state records the firewall's number")
          .isEqualTo(225);
      assertThat(Firewall.plan(engine, moved).hasChanges()).isFalse();

      // moved on the firewall by hand (with its own move call): drift, put back by one apply
      fw.api(
          "POST",
          "/api/firewall/filter/moveRuleBefore/"
              + id(engine, "block-rest")
              + "/"
              + id(engine, "allow-dns"),
          Json.object());
      Plan drifted = Firewall.plan(engine, moved);
      assertThat(drifted.action("block-rest").orElseThrow().drift())
          .anyMatch(c -> c.path().equals("sequence"));
      assertThat(Firewall.apply(engine, moved, OPTS).success()).isTrue();
      assertThat(seq(fw, engine, "allow-dns"))
          .isLessThan(seq(fw, engine, "allow-mgmt"))
          .isLessThan(handSeq(fw, hand));
      assertThat(handSeq(fw, hand)).isLessThan(seq(fw, engine, "block-rest"));
      assertThat(Firewall.plan(engine, moved).hasChanges()).isFalse();

      // back to the first order: allow-dns is the one that moves, before block-rest
      Deployment first = Firewall.deployment(reg, yaml(A, B, C));
      fw.resetCalls();
      assertThat(Firewall.apply(engine, first, OPTS).success()).isTrue();
      String dns = id(engine, "allow-dns");
      assertThat(
              fw.calls(
                  "POST /api/firewall/filter/moveRuleBefore/"
                      + dns
                      + "/"
                      + id(engine, "block-rest")))
          .as("%s", fw.calls())
          .isEqualTo(1);
      assertThat(seq(fw, engine, "allow-mgmt")).isLessThan(seq(fw, engine, "allow-dns"));
      assertThat(seq(fw, engine, "allow-dns")).isLessThan(seq(fw, engine, "block-rest"));
      assertThat(handSeq(fw, hand))
          .isGreaterThan(seq(fw, engine, "allow-mgmt"))
          .isLessThan(seq(fw, engine, "block-rest"));
      assertThat(Firewall.plan(engine, first).hasChanges()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void natRulesMoveWithTheFirewallsMoveCallToo(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      String web = nat("web", "8443", "10.0.0.1");
      String mail = nat("mail", "25", "10.0.0.2");
      String ssh = nat("ssh", "2222", "10.0.0.3");
      assertThat(
              Firewall.apply(engine, Firewall.deployment(reg, yaml(web, mail, ssh)), OPTS)
                  .success())
          .isTrue();
      // ssh moves to the top: one rule moves, before web, with the d_nat controller's move call
      Deployment top = Firewall.deployment(reg, yaml(ssh, web, mail));
      assertThat(Firewall.plan(engine, top).count(ActionType.UPDATE)).isEqualTo(1);
      fw.resetCalls();
      assertThat(Firewall.apply(engine, top, OPTS).success()).isTrue();
      var st = engine.state("office").resources();
      assertThat(
              fw.calls(
                  "POST /api/firewall/d_nat/moveRuleBefore/"
                      + st.get("ssh").id()
                      + "/"
                      + st.get("web").id()))
          .as("%s", fw.calls())
          .isEqualTo(1);
      assertThat(natSeq(fw, st.get("ssh").id())).isLessThan(natSeq(fw, st.get("web").id()));
      assertThat(natSeq(fw, st.get("web").id())).isLessThan(natSeq(fw, st.get("mail").id()));
      assertThat(Firewall.plan(engine, top).hasChanges()).isFalse();
    }
  }

  private static String nat(String name, String port, String target) {
    return "{type: opnsense:firewall:nat, name: "
        + name
        + ", properties: {interface: wan, destination: wanip, port: "
        + port
        + ", target: "
        + target
        + "}}";
  }

  private static int natSeq(Firewall fw, String id) {
    return fw.api("GET", "/api/firewall/d_nat/getRule/" + id, null)
        .path("rule")
        .path("sequence")
        .asInt();
  }

  private static String id(Engine engine, String name) {
    return engine.state("office").resources().get(name).id();
  }

  private static int seq(Firewall fw, Engine engine, String name) {
    return handSeq(fw, id(engine, name));
  }

  private static int handSeq(Firewall fw, String uuid) {
    return fw.api("GET", "/api/firewall/filter/getRule/" + uuid, null)
        .path("rule")
        .path("sequence")
        .asInt();
  }
}
