package io.mcpiac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy list|show|test} and {@code compliance report} as a user types them. */
class PolicyCommandsTest {
  @TempDir Path dir;

  @Test
  void listShowAndTestThePacks() {
    Cli.Run list = Cli.run("policy", "list");
    assertThat(list.exit()).as(list.printed()).isZero();
    assertThat(list.out()).contains("opnsense-baseline", "docker-cis", "CIS Docker Benchmark");
    Cli.Run json = Cli.run("policy", "list", "--json");
    assertThat(Json.parse(json.out()).get(0).path("rules").asInt()).isPositive();

    Cli.Run show = Cli.run("policy", "show", "docker-cis");
    assertThat(show.exit()).as(show.printed()).isZero();
    assertThat(show.out())
        .contains("no-privileged (CIS Docker 5.5), critical", "fix: remove privileged: true");
    assertThat(Cli.run("policy", "show", "docker-cis", "--yaml").out()).contains("kind: Policy");

    Cli.Run test = Cli.run("policy", "test", "opnsense-baseline", "docker-cis");
    assertThat(test.exit()).as(test.printed()).isZero();
    assertThat(test.out()).containsPattern("✓ (\\d+) of \\1 examples behave as written");

    Cli.Run unknown = Cli.run("policy", "show", "no-such-pack");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("opnsense-baseline");
  }

  @Test
  void policyTestNamesTheExampleThatDoesNotBehave() throws Exception {
    Path p = dir.resolve("p.yaml");
    Files.writeString(
        p,
        """
        apiVersion: iac.mcp/v1
        kind: Policy
        metadata: {name: owners}
        spec:
          rules:
            - id: needs-owner
              condition: has(resource.properties.owner)
              examples:
                pass: [{type: "core:data", name: a, properties: {owner: x}}]
                fail: [{type: "core:data", name: b, properties: {owner: y}}]
        """);
    Cli.Run test = Cli.run("policy", "test", p.toString());
    assertThat(test.exit()).as(test.printed()).isEqualTo(1);
    assertThat(test.out())
        .contains("FAIL owners/needs-owner fail[0]: expected a violation, the example passes")
        .contains("1 of 2 examples behave as written");
  }

  @Test
  void complianceReportWritesOneSelfContainedHtmlFile() throws Exception {
    Path d = dir.resolve("d.yaml");
    Files.writeString(
        d,
        """
        apiVersion: iac.mcp/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          resources:
            - {type: core:data, name: a, properties: {input: 1}}
        """);
    Path out = dir.resolve("report.html");
    Cli.Run report =
        Cli.run(
            "compliance",
            "report",
            "-f",
            d.toString(),
            "--pack",
            "docker-cis",
            "--format",
            "html",
            "-o",
            out.toString(),
            "--state",
            "sqlite:" + dir.resolve("s.db"));
    assertThat(report.exit()).as(report.printed()).isZero();
    String html = Files.readString(out);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("data-rule=\"docker-cis-runtime/no-privileged\"");
    Cli.Run text =
        Cli.run(
            "compliance",
            "report",
            "-f",
            d.toString(),
            "--pack",
            "docker-cis",
            "--state",
            "sqlite:" + dir.resolve("s.db"));
    assertThat(text.out()).contains("Compliance of 'd' with docker-cis: 100%", "not applicable");
    Cli.Run bad =
        Cli.run(
            "compliance",
            "report",
            "-f",
            d.toString(),
            "--pack",
            "nope",
            "--state",
            "sqlite:" + dir.resolve("s.db"));
    assertThat(bad.exit()).isEqualTo(2);
  }
}
