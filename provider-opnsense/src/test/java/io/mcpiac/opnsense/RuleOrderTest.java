package io.mcpiac.opnsense;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.Engine;
import io.mcpiac.engine.config.Deployment;
import io.mcpiac.engine.execution.ExecutionOptions;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.Plan;
import io.mcpiac.engine.plans.PlanRenderer;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.providers.ProviderRegistry;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, item 1, as found: a file listed allow-mgmt before block-rest on one interface; on the
 * firewall block-rest got the lower sequence, so the allow rule never matched. Rules are now placed
 * in the order of the file, with gaps, stable across applies; the plan shows the position, and a
 * reordering on the firewall is drift that apply repairs.
 */
class RuleOrderTest {
  @TempDir Path dir;

  static final ExecutionOptions OPTS = ExecutionOptions.DEFAULTS.acceptingRisks(Set.of("lockout"));

  static String yaml(String... rules) {
    StringBuilder s =
        new StringBuilder(
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: office}
            spec:
              resources:
            """);
    for (String r : rules) {
      s.append("    - ").append(r).append('\n');
    }
    return s.toString();
  }

  static final String MGMT =
      "{type: opnsense:firewall:rule, name: allow-mgmt, properties: {interface: lan, port: 443,"
          + " description: allow-mgmt}}";
  static final String DNS =
      "{type: opnsense:firewall:rule, name: allow-dns, properties: {interface: lan, port: 53,"
          + " protocol: udp, description: allow-dns}}";
  static final String BLOCK =
      "{type: opnsense:firewall:rule, name: block-rest, properties: {interface: lan, action:"
          + " block, description: block-rest}}";
  static final String WAN =
      "{type: opnsense:firewall:rule, name: wan-in, properties: {interface: wan, port: 80,"
          + " description: wan-in}}";

  private static int sequence(Firewall fw, Engine engine, String name) {
    String id = engine.state("office").resources().get(name).id();
    return fw.api("GET", "/api/firewall/filter/getRule/" + id, null)
        .path("rule")
        .path("sequence")
        .asInt();
  }

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void rulesAreEvaluatedInTheOrderOfTheFile(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      // someone's own rule is already there (sequence 101 by the firewall's default)
      fw.api(
          "POST",
          "/api/firewall/filter/addRule",
          Json.parse("{\"rule\":{\"interface\":\"lan\",\"description\":\"by hand\"}}"));
      Deployment d = Firewall.deployment(reg, yaml(MGMT, BLOCK, WAN));
      Plan first = Firewall.plan(engine, d);
      assertThat(new PlanRenderer(false).render(first)).contains("+ sequence = 100");
      var applied = Firewall.apply(engine, d, OPTS);
      assertThat(applied.success()).as("%s", applied).isTrue();
      int mgmt = sequence(fw, engine, "allow-mgmt");
      int block = sequence(fw, engine, "block-rest");
      assertThat(mgmt).isLessThan(block);
      assertThat(block - mgmt).as("a gap for rules added by hand").isGreaterThan(1);
      assertThat(sequence(fw, engine, "wan-in")).isEqualTo(100); // its own interface
      assertThat(Firewall.plan(engine, d).hasChanges()).isFalse();

      // reordered on the firewall: drift, repaired by apply
      String id = engine.state("office").resources().get("allow-mgmt").id();
      fw.api(
          "POST",
          "/api/firewall/filter/setRule/" + id,
          Json.parse("{\"rule\":{\"sequence\":\"" + (block + 50) + "\"}}"));
      Plan drifted = Firewall.plan(engine, d);
      PlannedAction a = drifted.action("allow-mgmt").orElseThrow();
      assertThat(a.action()).isEqualTo(ActionType.UPDATE);
      assertThat(a.drift()).anyMatch(c -> c.path().equals("sequence"));
      assertThat(Firewall.apply(engine, d, OPTS).success()).isTrue();
      assertThat(sequence(fw, engine, "allow-mgmt")).isEqualTo(mgmt);

      // a rule inserted in the file goes between its neighbours; the others keep theirs
      Deployment inserted = Firewall.deployment(reg, yaml(MGMT, DNS, BLOCK, WAN));
      Plan p = Firewall.plan(engine, inserted);
      assertThat(p.count(ActionType.CREATE)).isEqualTo(1);
      assertThat(p.count(ActionType.UPDATE)).isZero();
      assertThat(Firewall.apply(engine, inserted, OPTS).success()).isTrue();
      int dns = sequence(fw, engine, "allow-dns");
      assertThat(dns).isGreaterThan(mgmt).isLessThan(block);
      assertThat(sequence(fw, engine, "block-rest")).isEqualTo(block);

      // moved in the file: the plan shows the new position as an in-place change
      Deployment moved = Firewall.deployment(reg, yaml(DNS, MGMT, BLOCK, WAN));
      Plan m = Firewall.plan(engine, moved);
      assertThat(m.action("allow-mgmt").orElseThrow().changes())
          .anyMatch(c -> c.path().equals("sequence"));
      assertThat(m.count(ActionType.REPLACE)).isZero();
      assertThat(Firewall.apply(engine, moved, OPTS).success()).isTrue();
      assertThat(sequence(fw, engine, "allow-dns")).isLessThan(sequence(fw, engine, "allow-mgmt"));
      assertThat(sequence(fw, engine, "allow-mgmt")).isLessThan(sequence(fw, engine, "block-rest"));
      assertThat(Firewall.plan(engine, moved).hasChanges()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"26.1", "26.7"})
  void natRulesAreEvaluatedInTheOrderOfTheFile(String version) throws Exception {
    try (Firewall fw = new Firewall(version, dir);
        ProviderRegistry reg = fw.registry()) {
      Engine engine = Firewall.engine(reg, dir);
      Deployment d =
          Firewall.deployment(
              reg,
              yaml(
                  "{type: opnsense:firewall:nat, name: web, properties: {interface: wan,"
                      + " destination: wanip, port: 8443, target: 10.0.0.1, targetPort: 443}}",
                  "{type: opnsense:firewall:nat, name: mail, properties: {interface: wan,"
                      + " destination: wanip, port: 25, target: 10.0.0.2}}",
                  "{type: opnsense:firewall:nat, name: out-a, properties: {kind: outbound,"
                      + " source: 10.0.0.0/24, target: 192.0.2.10}}",
                  "{type: opnsense:firewall:nat, name: out-b, properties: {kind: outbound,"
                      + " source: 10.0.1.0/24, target: 192.0.2.11}}"));
      var applied = Firewall.apply(engine, d, OPTS);
      assertThat(applied.success()).as("%s", applied).isTrue();
      var st = engine.state("office").resources();
      int web = natSequence(fw, "/api/firewall/d_nat/getRule/", st.get("web").id());
      int mail = natSequence(fw, "/api/firewall/d_nat/getRule/", st.get("mail").id());
      int a = natSequence(fw, "/api/firewall/source_nat/getRule/", st.get("out-a").id());
      int b = natSequence(fw, "/api/firewall/source_nat/getRule/", st.get("out-b").id());
      assertThat(web).isLessThan(mail);
      assertThat(a).isLessThan(b);
      assertThat(Firewall.plan(engine, d).hasChanges()).isFalse();
    }
  }

  private static int natSequence(Firewall fw, String getPath, String id) {
    return fw.api("GET", getPath + id, null).path("rule").path("sequence").asInt();
  }
}
