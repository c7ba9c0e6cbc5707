package io.mcpiac.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpiac.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentLoaderTest {
  private static final String PORTAL =
      """
      apiVersion: iac.mcp/v1
      kind: Deployment
      metadata: {name: customer-portal}
      spec:
        providers:                      # optional; connection settings per instance
          opnsense: {url: https://fw.lan}
          opnsense/branch: {url: https://branch.lan}
        resources:
          - type: opnsense:network:vlan
            name: app-network
            properties: {tag: 150, interface: igc2}

          - type: opnsense:firewall:rule
            name: allow-https
            provider: opnsense/branch
            properties:
              source: any
              destination: "${haproxy.ip}"
              port: 443
              action: pass
            dependsOn: [app-network]
      """;

  @Test
  void readsTheModelWithTheLineOfEveryResourceAndProperty() {
    LoadedDeployment loaded = DeploymentLoader.read(PORTAL, "portal.yaml");

    assertThat(loaded.problems()).isEmpty();
    Deployment d = loaded.deployment();
    assertThat(d.name()).isEqualTo("customer-portal");
    assertThat(d.location()).isEqualTo(new SourceLocation("portal.yaml", 1));
    assertThat(d.providers()).containsOnlyKeys("opnsense", "opnsense/branch");
    assertThat(d.providers().get("opnsense/branch").get("url").textValue())
        .isEqualTo("https://branch.lan");

    ResourceConfig vlan = d.resources().get(0);
    assertThat(vlan.type()).isEqualTo("opnsense:network:vlan");
    assertThat(vlan.location()).isEqualTo(new SourceLocation("portal.yaml", 9));
    assertThat(vlan.propertyLines()).isEqualTo(Map.of("tag", 11, "interface", 11));
    assertThat(vlan.properties()).isEqualTo(Json.parse("{\"tag\": 150, \"interface\": \"igc2\"}"));
    assertThat(vlan.provider()).isNull();
    assertThat(vlan.providerInstance()).isEqualTo("opnsense");

    ResourceConfig rule = d.resources().get(1);
    assertThat(rule.location().line()).isEqualTo(13);
    assertThat(rule.propertyLines())
        .isEqualTo(Map.of("source", 17, "destination", 18, "port", 19, "action", 20));
    assertThat(rule.locationOf("port")).isEqualTo(new SourceLocation("portal.yaml", 19));
    assertThat(rule.locationOf("absent")).isEqualTo(rule.location());
    assertThat(rule.provider()).isEqualTo("opnsense/branch");
    assertThat(rule.dependsOn()).containsExactly("app-network");
  }

  @Test
  void theSourceMapKnowsTheLineOfEveryValueAndFallsBackToTheEnclosingOne() {
    SourceMap lines = DeploymentLoader.read(PORTAL, "portal.yaml").sourceMap();

    assertThat(lines.lineOf("spec.resources[1].dependsOn[0]")).isEqualTo(21);
    assertThat(lines.lineOf("spec.resources[1].provider")).isEqualTo(15);
    assertThat(lines.lineOf("spec.providers.opnsense.url")).isEqualTo(6);
    assertThat(lines.lineOf("spec.resources[1].properties.missing")).isZero();
    assertThat(lines.nearestLineOf("spec.resources[1].properties.missing")).isEqualTo(16);
    assertThat(lines.nearestLineOf("spec.resources[5].x")).isEqualTo(8);
  }

  @Test
  void keepsValueTypes() {
    ResourceConfig r =
        DeploymentLoader.load(
                """
                apiVersion: iac.mcp/v1
                kind: Deployment
                metadata: {name: types}
                spec:
                  resources:
                    - type: core:data
                      name: a
                      properties:
                        input: {int: 1, long: 9999999999, float: 1.5, bool: true, nothing: null,
                                text: "150", list: [1, two]}
                """,
                "types.yaml")
            .resources()
            .get(0);

    JsonNode input = r.properties().get("input");
    assertThat(input.get("int").isInt()).isTrue();
    assertThat(input.get("long").isLong()).isTrue();
    assertThat(input.get("float").doubleValue()).isEqualTo(1.5);
    assertThat(input.get("bool").isBoolean()).isTrue();
    assertThat(input.get("nothing").isNull()).isTrue();
    assertThat(input.get("text").isTextual()).isTrue();
    assertThat(input.get("list")).isEqualTo(Json.parse("[1, \"two\"]"));
  }

  @Test
  void aSyntaxErrorIsADiagnosticWithFileAndLineNotAnException() {
    String broken = "apiVersion: iac.mcp/v1\nkind: Deployment\nmetadata: {name: x\nspec: {}\n";

    LoadedDeployment loaded = DeploymentLoader.read(broken, "broken.yaml");

    assertThat(loaded.unparsable()).isTrue();
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCodes.YAML_SYNTAX);
              assertThat(d.location().file()).isEqualTo("broken.yaml");
              assertThat(d.location().line()).isEqualTo(4);
              assertThat(d.format()).startsWith("broken.yaml:4: YAML syntax error:");
            });
    assertThat(loaded.deployment().resources()).isEmpty();
    assertThatThrownBy(() -> DeploymentLoader.load(broken, "broken.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("1 problem in the deployment")
        .hasMessageContaining("broken.yaml:4");
  }

  @Test
  void readsFilesAndReportsAnUnreadableOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("portal.yaml");
    Files.writeString(file, PORTAL);

    assertThat(DeploymentLoader.load(file).resources().get(1).location())
        .isEqualTo(new SourceLocation(file.toString(), 13));
    assertThat(DeploymentLoader.read(dir.resolve("missing.yaml")).problems())
        .singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo(DiagnosticCodes.UNREADABLE_FILE));
  }

  @Test
  void acceptsTheSameStructureAsAJsonObjectFromAnMcpClient() {
    JsonNode json =
        Json.parse(
            """
            {"apiVersion": "iac.mcp/v1", "kind": "Deployment", "metadata": {"name": "customer-portal"},
             "spec": {"providers": {"opnsense": {"url": "https://fw.lan"},
                                    "opnsense/branch": {"url": "https://branch.lan"}},
                      "resources": [
               {"type": "opnsense:network:vlan", "name": "app-network",
                "properties": {"tag": 150, "interface": "igc2"}},
               {"type": "opnsense:firewall:rule", "name": "allow-https", "provider": "opnsense/branch",
                "properties": {"source": "any", "destination": "${haproxy.ip}", "port": 443,
                               "action": "pass"},
                "dependsOn": ["app-network"]}]}}
            """);

    Deployment fromJson = DeploymentLoader.fromJson(json, "<mcp>");

    assertThat(fromJson.location()).isEqualTo(new SourceLocation("<mcp>", 0));
    assertThat(fromJson.withoutSource())
        .isEqualTo(DeploymentLoader.load(PORTAL, "portal.yaml").withoutSource());
  }

  @Test
  void jsonTextIsReadAsJsonWithLines() {
    String json =
        "{\n\t\"apiVersion\": \"iac.mcp/v1\",\n\t\"kind\": \"Deployment\",\n"
            + "\t\"metadata\": {\"name\": \"j\"},\n\t\"spec\": {\"resources\": [\n"
            + "\t\t{\"type\": \"core:data\", \"name\": \"a\"}\n\t]}\n}\n";

    Deployment d = DeploymentLoader.load(json, "j.json");

    assertThat(d.resources().get(0).location().line()).isEqualTo(6);
  }

  @Test
  void documentProblemsAreAllReportedWithoutThrowingFromRead() {
    JsonNode json =
        Json.parse("{\"kind\": \"Deploy\", \"metadata\": {\"name\": \"x\", \"nmae\": 1}}");

    List<Diagnostic> problems = DeploymentLoader.read(json, "<mcp>").problems();

    assertThat(problems)
        .extracting(Diagnostic::code)
        .containsExactlyInAnyOrder(
            DiagnosticCodes.UNKNOWN_KEY,
            DiagnosticCodes.MISSING_API_VERSION,
            DiagnosticCodes.UNKNOWN_KIND);
    assertThat(problems)
        .allSatisfy(d -> assertThat(d.location()).isEqualTo(new SourceLocation("<mcp>", 0)));
    assertThatThrownBy(() -> DeploymentLoader.fromJson(json, "<mcp>"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.diagnostics()).hasSize(3));
  }

  @Test
  void expandsAnchorsAliasesAndMergeKeys() {
    Deployment d =
        DeploymentLoader.load(
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: anchors}
            spec:
              resources:
                - type: core:data
                  name: a
                  properties: &base {input: {x: 1, y: 2}}
                - type: core:data
                  name: b
                  properties: *base
                - type: core:data
                  name: c
                  properties:
                    input:
                      <<: {x: 1, y: 2}
                      y: 3
            """,
            "anchors.yaml");

    assertThat(d.resources().get(1).properties()).isEqualTo(d.resources().get(0).properties());
    assertThat(d.resources().get(2).properties().get("input"))
        .isEqualTo(Json.parse("{\"y\": 3, \"x\": 1}"));
  }

  @Test
  void aliasBombsAreStoppedNotExpanded() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      yaml.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))));
      yaml.append("]\n");
    }

    LoadedDeployment loaded = DeploymentLoader.read(yaml.toString(), "bomb.yaml");

    assertThat(loaded.problems())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("more than"));
  }

  @Test
  void withoutSourceIgnoresWhereThingsWereWritten() {
    Deployment a = DeploymentLoader.load(PORTAL, "a.yaml");
    Deployment b = DeploymentLoader.load("# a comment moves every line\n" + PORTAL, "b.yaml");

    assertThat(a).isNotEqualTo(b);
    assertThat(a.withoutSource()).isEqualTo(b.withoutSource());
  }
}
