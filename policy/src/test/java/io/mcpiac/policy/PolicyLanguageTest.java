package io.mcpiac.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.config.Diagnostic;
import io.mcpiac.engine.json.Json;
import io.mcpiac.engine.plans.ActionType;
import io.mcpiac.engine.plans.PlannedAction;
import io.mcpiac.engine.policies.PolicyViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The policy language: enforcement levels, matching by type pattern and filter, deployment-wide
 * rules, exceptions, values not known yet, and where errors are reported.
 */
class PolicyLanguageTest {
  private static PolicySet policies(String yaml) {
    return PolicySet.of(new PolicySet.Source(yaml, "p.yaml"), null);
  }

  private static Subject resource(String type, String name, String properties) {
    return PolicyTester.subject(
        Json.parse(
            "{\"type\":\""
                + type
                + "\",\"name\":\""
                + name
                + "\",\"properties\":"
                + properties
                + "}"));
  }

  private static final String WAN =
      """
      apiVersion: iac.mcp/v1
      kind: Policy
      metadata: {name: web-rules}
      spec:
        enforcement: LEVEL
        match: {types: ["opnsense:firewall:*"], filter: "resource.properties.interface == 'wan'"}
        rules:
          - id: wan-pass-logs
            condition: "resource.properties.action != 'pass' || resource.properties.log == true"
            message: "pass rules on WAN must log"
            severity: high
            remediation: "set log: true"
      """;

  @Test
  void typesAndFilterSelectWhatARuleJudges() {
    PolicySet set = policies(WAN.replace("LEVEL", "mandatory"));
    assertThat(set.problems()).isEmpty();
    List<Finding> found =
        Evaluator.evaluate(
            set.policies(),
            List.of(
                resource(
                    "opnsense:firewall:rule",
                    "wan-nolog",
                    "{\"interface\":\"wan\",\"action\":\"pass\"}"),
                resource(
                    "opnsense:firewall:rule",
                    "lan-nolog",
                    "{\"interface\":\"lan\",\"action\":\"pass\"}"),
                resource(
                    "opnsense:firewall:nat",
                    "wan-nat",
                    "{\"interface\":\"wan\",\"action\":\"pass\",\"log\":true}"),
                resource(
                    "docker:container", "wan-ish", "{\"interface\":\"wan\",\"action\":\"pass\"}")),
            "d",
            false);
    assertThat(found).extracting(Finding::resource).containsExactly("wan-nolog", "wan-nat");
    assertThat(found)
        .extracting(Finding::status)
        .containsExactly(Finding.Status.FAIL, Finding.Status.PASS);
    PolicyViolation v = found.get(0).violation();
    assertThat(v.mandatory()).isTrue();
    assertThat(v.severity()).isEqualTo("high");
    assertThat(v.remediation()).isEqualTo("set log: true");
  }

  @Test
  void enforcementLevelsMandatoryStopsAdvisoryWarnsDisabledIsSilent() {
    Subject open =
        resource("opnsense:firewall:rule", "r", "{\"interface\":\"wan\",\"action\":\"pass\"}");
    for (String level : List.of("mandatory", "advisory", "disabled")) {
      PolicySet set = policies(WAN.replace("LEVEL", level));
      List<PolicyViolation> v =
          DeploymentPolicies.violations(
              Evaluator.evaluate(set.policies(), List.of(open), "d", false));
      switch (level) {
        case "mandatory" -> assertThat(v).singleElement().matches(PolicyViolation::mandatory);
        case "advisory" -> assertThat(v).singleElement().matches(x -> !x.mandatory());
        default -> assertThat(v).isEmpty();
      }
    }
    // a pack enabled at another level: spec.policyPacks: [{name, enforcement}]
    assertThat(
            policies(WAN.replace("LEVEL", "mandatory"))
                .policies()
                .get(0)
                .enforcedAs("advisory")
                .enforcement())
        .isEqualTo("advisory");
  }

  @Test
  void anExceptionExemptsTheResourceFromTheRuleByIdOrPolicySlashId() {
    PolicySet set = policies(WAN.replace("LEVEL", "mandatory"));
    for (String rule : List.of("wan-pass-logs", "web-rules/wan-pass-logs")) {
      Subject s =
          PolicyTester.subject(
              Json.parse(
                  "{\"type\":\"opnsense:firewall:rule\",\"name\":\"r\",\"properties\":{\"interface\":\"wan\"},"
                      + "\"policyExceptions\":[{\"rule\":\""
                      + rule
                      + "\",\"reason\":\"noisy\"}]}"));
      Finding f = Evaluator.evaluate(set.policies(), List.of(s), "d", false).get(0);
      assertThat(f.status()).isEqualTo(Finding.Status.EXEMPT);
      assertThat(f.message()).isEqualTo("noisy");
    }
  }

  @Test
  void aDeploymentWideRuleSeesEveryResourceWithItsReferences() {
    PolicySet set =
        policies(
            """
            apiVersion: iac.mcp/v1
            kind: Policy
            metadata: {name: wan-needs-frontend}
            spec:
              scope: deployment
              rules:
                - id: pass-points-at-frontend
                  condition: >-
                    deployment.resources.filter(r, r.type == 'opnsense:firewall:rule'
                        && r.properties.interface == 'wan').all(rule,
                      deployment.resources.exists(f, f.type == 'opnsense:service:haproxy:frontend'
                        && f.properties.bind.startsWith(rule.properties.destination + ':')))
                  message: every WAN pass rule points at an address an HAProxy frontend binds
              examples:
                pass:
                  - name: ok
                    resources:
                      - {type: "opnsense:firewall:rule", name: r, properties: {interface: wan, destination: 203.0.113.5}}
                      - {type: "opnsense:service:haproxy:frontend", name: f, properties: {bind: "203.0.113.5:443"}}
                fail:
                  - name: stray
                    resources:
                      - {type: "opnsense:firewall:rule", name: r, properties: {interface: wan, destination: 203.0.113.9}}
                      - {type: "opnsense:service:haproxy:frontend", name: f, properties: {bind: "203.0.113.5:443"}}
            """);
    assertThat(set.problems()).isEmpty();
    List<PolicyTester.Case> cases = PolicyTester.run(set.policies());
    assertThat(cases).hasSize(2).allMatch(PolicyTester.Case::ok);
  }

  @Test
  void aValueNotKnownYetIsCheckedOnceKnownBeforeTheAction() {
    PolicySet set = policies(WAN.replace("LEVEL", "mandatory"));
    Subject unknown =
        Subject.of(
            "opnsense:firewall:rule",
            "r",
            "opnsense",
            Json.parse("{\"interface\":\"wan\",\"action\":\"pass\",\"log\":\"${flag.output}\"}"),
            null,
            0,
            java.util.Map.of(),
            List.of(),
            List.of(),
            null);
    assertThat(Evaluator.evaluate(set.policies(), List.of(unknown), "d", false))
        .extracting(Finding::status)
        .containsExactly(Finding.Status.DEFERRED);
    DeploymentPolicies hook = new DeploymentPolicies(set);
    PlannedAction action =
        new PlannedAction(
            "r",
            "opnsense:firewall:rule",
            "opnsense",
            ActionType.CREATE,
            null,
            List.of(),
            (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse("{}"),
            null,
            null,
            null,
            List.of(),
            List.of(),
            null,
            0);
    assertThat(
            hook.beforeAction(
                action,
                (com.fasterxml.jackson.databind.node.ObjectNode)
                    Json.parse("{\"interface\":\"wan\",\"action\":\"pass\",\"log\":false}")))
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo("wan-pass-logs"));
    assertThat(
            hook.beforeAction(
                action,
                (com.fasterxml.jackson.databind.node.ObjectNode)
                    Json.parse("{\"interface\":\"wan\",\"action\":\"pass\",\"log\":true}")))
        .isEmpty();
  }

  @Test
  void celErrorsAreReportedAtThePolicyFilesLineAndColumnInEveryYamlStyle() {
    String text =
        """
        apiVersion: iac.mcp/v1
        kind: Policy
        metadata: {name: styles}
        spec:
          rules:
            - id: plain
              condition: resource.name ==
            - id: single
              condition: 'resource.name == )'
            - id: block
              condition: |
                resource.name == 'a' &&
                  resource.type ==
        """;
    List<Diagnostic> problems = policies(text).problems();
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0).location().line()).isEqualTo(7);
    assertThat(problems.get(0).message()).contains("rule 'plain'", "CEL error at line 7, column");
    assertThat(problems.get(1).location().line()).isEqualTo(9);
    // six spaces and 'condition: ' are 17 columns, the quote is the 18th; ')' the 18th inside
    assertThat(problems.get(1).message()).contains("rule 'single'", "at line 9, column 36");
    assertThat(problems.get(2).location().line()).isEqualTo(13);
    assertThat(problems.get(2).message()).contains("rule 'block'", "at line 13");
  }

  @Test
  void badPoliciesAreReportedLikeValidationErrors() {
    List<Diagnostic> problems =
        policies(
                """
                apiVersion: iac.mcp/v1
                kind: Policy
                metadata: {name: bad}
                spec:
                  enforcement: sometimes
                  rules:
                    - id: a
                      condition: "1 + 'a'"
                    - {condition: "true"}
                """)
            .problems();
    assertThat(problems)
        .extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("'sometimes' is not an enforcement level"))
        .anySatisfy(m -> assertThat(m).contains("rule 'a'", "CEL error"))
        .anySatisfy(m -> assertThat(m).contains("a rule needs an id"));
    assertThat(problems).allSatisfy(d -> assertThat(d.location().file()).isEqualTo("p.yaml"));
  }
}
