package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.cli.orchestrator.Processes;
import io.mcpiac.engine.json.Json;
import io.mcpiac.opnsense.emulator.OpnsenseEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policies as a user meets them: a mandatory violation stops apply with nothing touched on the
 * (emulated) firewall, advisory ones warn, an exception is shown and recorded with the applied
 * state, a value unknown at plan time is checked before its action, a CEL syntax error is reported
 * at the policy file's line and column.
 */
class PolicyEnforcementTest {
  @TempDir Path dir;

  private static final String OPEN_WAN_RULE =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: edge}
      spec:
        policyPacks: [opnsense-baseline]
        resources:
          - type: opnsense:firewall:rule
            name: lan-out
            properties: {interface: lan, description: LAN to the internet}
          - type: opnsense:firewall:rule
            name: web-in
            properties:
              interface: wan
              destination: 10.0.0.5
              port: 443
              description: HTTPS to the web server
      """;

  /** A deployment piped in ({@code -f -}) brings its policies as a file does. */
  @Test
  void policiesOfADeploymentReadFromStandardInputAreEnforced() throws Exception {
    Files.writeString(dir.resolve("edge.yaml"), OPEN_WAN_RULE);
    Cli.Run fromFile = Cli.run("validate", "-f", dir.resolve("edge.yaml").toString());
    Cli.Run fromStdin = Cli.runWithInput(OPEN_WAN_RULE, "validate", "-f", "-");
    assertThat(fromFile.exit()).as(fromFile.printed()).isEqualTo(1);
    assertThat(fromStdin.exit()).as(fromStdin.printed()).isEqualTo(1);
    assertThat(fromStdin.err())
        .contains("[opnsense-wan-rules/wan-pass-logs, high]")
        .contains("<stdin>:10: resource 'web-in' properties.log");
    assertThat(fromStdin.out()).contains("1 mandatory policy violation");
  }

  @Test
  void aMandatoryViolationStopsApplyAndNothingIsTouchedOnTheFirewall() throws Exception {
    Files.writeString(dir.resolve("edge.yaml"), OPEN_WAN_RULE);
    try (OpnsenseEmulator emulator =
        OpnsenseEmulator.builder().tls(false).apiKey("key").apiSecret("secret").build().start()) {
      String before = objects(emulator.state());
      Map<String, String> env =
          Map.of(
              "OPNSENSE_URL", emulator.url(),
              "OPNSENSE_API_KEY", "key",
              "OPNSENSE_API_SECRET", "secret");
      Processes.Run apply =
          Processes.run(
              dir,
              List.of(
                  "apply", "-f", "edge.yaml", "--yes", "--state", "sqlite:" + dir.resolve("s.db")),
              env);
      assertThat(apply.exit()).as(apply.toString()).isEqualTo(1);
      // file, line, resource, property, policy and rule, message and the fix
      assertThat(apply.stderr())
          .contains("1 mandatory policy violation")
          .contains("edge.yaml:10: resource 'web-in' properties.log")
          .contains("[opnsense-wan-rules/wan-pass-logs, high]")
          .contains("pass rules on WAN must log")
          .contains("fix: set log: true");
      // nothing changed on the firewall: no object, nothing pending, no write call at all
      assertThat(objects(emulator.state())).isEqualTo(before);
      List<String> writes = new java.util.ArrayList<>();
      emulator
          .calls()
          .toJson()
          .path("calls")
          .fieldNames()
          .forEachRemaining(
              call -> {
                String last = call.substring(call.lastIndexOf('/') + 1);
                if (last.matches("(?i)(add|set|del|apply|savepoint|toggle|reconfigure).*")) {
                  writes.add(call);
                }
              });
      assertThat(writes).isEmpty();
      Processes.Run state =
          Processes.run(
              dir,
              List.of("state", "list", "edge", "--state", "sqlite:" + dir.resolve("s.db")),
              env);
      assertThat(state.stdout()).doesNotContain("web-in", "lan-out");

      Processes.Run json =
          Processes.run(
              dir,
              List.of(
                  "plan", "-f", "edge.yaml", "--json", "--state", "sqlite:" + dir.resolve("s.db")),
              env);
      assertThat(json.exit()).as(json.toString()).isEqualTo(1);
      JsonNode answer = Json.parse(json.stdout());
      JsonNode v = answer.path("violations").get(0);
      assertThat(v.path("policy").asText()).isEqualTo("opnsense-wan-rules");
      assertThat(v.path("rule").asText()).isEqualTo("wan-pass-logs");
      assertThat(v.path("resource").asText()).isEqualTo("web-in");
      assertThat(v.path("property").asText()).isEqualTo("properties.log");
      assertThat(v.path("line").asInt()).isEqualTo(10);
      assertThat(v.path("remediation").asText()).isEqualTo("set log: true");
      assertThat(answer.toString()).contains("policy-violation");
    }
  }

  /** The emulator's objects and pending changes, without the empty collections a read creates. */
  private static String objects(JsonNode state) {
    JsonNode copy = state.deepCopy();
    prune(copy);
    return copy.toString();
  }

  private static void prune(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      List<String> empty = new java.util.ArrayList<>();
      o.fields()
          .forEachRemaining(
              e -> {
                prune(e.getValue());
                if (e.getValue().isObject() && e.getValue().isEmpty()) {
                  empty.add(e.getKey());
                }
              });
      o.remove(empty);
    }
  }

  @Test
  void advisoryViolationsWarnAndExceptionsAreShownAndRecordedWithTheAppliedState()
      throws Exception {
    Files.writeString(
        dir.resolve("data.yaml"),
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: data}
        spec:
          resources:
            - type: core:data
              name: tagged
              properties: {input: {owner: team-a}}
            - type: core:data
              name: untagged
              properties: {input: {}}
            - type: core:data
              name: legacy
              properties: {input: {}}
              policyExceptions:
                - {rule: needs-owner, reason: "migrated from the old system; ticket OPS-12"}
        """);
    Files.writeString(
        dir.resolve("owners.yaml"),
        """
        apiVersion: iac.mcp/v1
        kind: Policy
        metadata: {name: owners}
        spec:
          enforcement: mandatory
          match: {types: ["core:data"]}
          rules:
            - id: needs-owner
              condition: has(resource.properties.input.owner)
              message: every resource names its owner
              remediation: "add input.owner"
        ---
        apiVersion: iac.mcp/v1
        kind: Policy
        metadata: {name: style}
        spec:
          enforcement: advisory
          match: {types: ["core:data"]}
          rules:
            - id: short-names
              condition: size(resource.name) <= 6
              message: names are short
        """);
    String state = "sqlite:" + dir.resolve("s.db");
    String file = dir.resolve("data.yaml").toString();
    String policy = dir.resolve("owners.yaml").toString();

    Cli.Run blocked = Cli.run("plan", "-f", file, "--policy", policy, "--state", state);
    assertThat(blocked.exit()).as(blocked.printed()).isEqualTo(1);
    assertThat(blocked.err()).contains("resource 'untagged'").doesNotContain("resource 'legacy'");

    Files.writeString(
        dir.resolve("data.yaml"),
        Files.readString(dir.resolve("data.yaml"))
            .replace(
                "name: untagged\n      properties: {input: {}}",
                "name: untagged\n      properties: {input: {owner: b}}"));
    Cli.Run plan = Cli.run("plan", "-f", file, "--policy", policy, "--state", state);
    assertThat(plan.exit()).as(plan.printed()).isZero();
    assertThat(plan.out())
        .contains("policy: resource 'untagged'")
        .contains("advisory: names are short [style/short-names]")
        .contains("exception to owners/needs-owner: migrated from the old system; ticket OPS-12")
        .contains("policy-exceptions");

    Cli.Run apply = Cli.run("apply", "-f", file, "--policy", policy, "--yes", "--state", state);
    assertThat(apply.exit()).as(apply.printed()).isZero();
    Cli.Run show = Cli.run("state", "show", "data", "--state", state, "--json");
    JsonNode record = null;
    for (JsonNode r : Json.parse(show.out()).path("resources")) {
      if (r.path("name").asText().equals("policy-exceptions")) {
        record = r;
      }
    }
    assertThat(record).as(show.out()).isNotNull();
    JsonNode entry = record.path("properties").path("input").path("legacy").get(0);
    assertThat(entry.path("rule").asText()).isEqualTo("needs-owner");
    assertThat(entry.path("reason").asText())
        .isEqualTo("migrated from the old system; ticket OPS-12");
    assertThat(entry.path("recordedBy").asText()).isEqualTo(System.getProperty("user.name"));
    assertThat(entry.path("since").asText()).startsWith("20");

    // unchanged exceptions plan nothing: who and since are kept
    Cli.Run again = Cli.run("plan", "-f", file, "--policy", policy, "--state", state);
    assertThat(again.exit()).as(again.printed()).isZero();
    assertThat(again.out()).doesNotContain("~ core:data policy-exceptions");
  }

  @Test
  void aValueUnknownAtPlanTimeIsCheckedBeforeItsActionAndTheRunRollsBack() throws Exception {
    Files.writeString(
        dir.resolve("late.yaml"),
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: late}
        spec:
          resources:
            - type: core:data
              name: source
              properties: {input: "x"}
            - type: core:data
              name: firewall-rule
              # the id of a resource not created yet: known only during apply
              properties: {input: "${source.id}"}
          policies:
            - metadata: {name: no-world}
              spec:
                match: {types: ["core:data"], filter: "resource.name == 'firewall-rule'"}
                rules:
                  - id: not-open-to-the-world
                    condition: size(string(resource.properties.input)) <= 3
                    message: the value is longer than 3 characters
        """);
    String state = "sqlite:" + dir.resolve("s.db");
    String file = dir.resolve("late.yaml").toString();
    Cli.Run plan = Cli.run("plan", "-f", file, "--state", state);
    assertThat(plan.exit()).as(plan.printed()).isZero();
    assertThat(plan.out())
        .contains("no-world/not-open-to-the-world reads a value known only after apply");

    Cli.Run apply = Cli.run("apply", "-f", file, "--yes", "--state", state);
    assertThat(apply.exit()).as(apply.printed()).isEqualTo(1);
    assertThat(apply.out() + apply.err())
        .contains("mandatory policy violation")
        .contains("the value is longer than 3 characters");
    Cli.Run list = Cli.run("state", "show", "late", "--state", state, "--json");
    assertThat(list.out()).doesNotContain("\"firewall-rule\"");
    // the resource created before it was rolled back
    assertThat(list.out()).doesNotContain("\"name\" : \"source\"");
  }

  @Test
  void aCelSyntaxErrorIsReportedAtThePolicyFilesLineAndColumn() throws Exception {
    Files.writeString(
        dir.resolve("d.yaml"),
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          resources:
            - {type: core:data, name: a, properties: {input: 1}}
        """);
    Files.writeString(
        dir.resolve("bad.yaml"),
        """
        apiVersion: iac.mcp/v1
        kind: Policy
        metadata: {name: bad}
        spec:
          rules:
            - id: ok
              condition: "has(resource.properties.input)"
            - id: broken
              condition: "resource.properties.input == = 1"
        """);
    Cli.Run validate =
        Cli.run(
            "validate",
            "-f",
            dir.resolve("d.yaml").toString(),
            "--policy",
            dir.resolve("bad.yaml").toString());
    assertThat(validate.exit()).as(validate.printed()).isEqualTo(2);
    // 'condition: "' puts the expression at column 19; the second '=' is its 30th character
    assertThat(validate.err())
        .contains("bad.yaml:9:")
        .contains("policy 'bad', rule 'broken': CEL error at line 9, column 48");
  }
}
