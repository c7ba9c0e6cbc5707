package io.mcpiac.engine.config;

import static io.mcpiac.engine.config.DeploymentBuilder.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.engine.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentBuilderTest {

  @Test
  void buildsTheSameDeploymentAsTheYaml() {
    Deployment built =
        DeploymentBuilder.deployment("customer-portal")
            .provider("test", Map.of("url", "https://fw.lan"))
            .resource("core:data", "a", r -> r.property("input", "hello"))
            .resource(
                "core:data",
                "b",
                r -> r.property("input", ref("a", "output")).dependsOn("a").provider("core"))
            .resource(
                "core:data",
                "c",
                r ->
                    r.property(
                        "input",
                        Map.of(
                            "list",
                            List.of(1, true, ref("core:data", "b", "output")),
                            "port",
                            443)))
            .build();

    Deployment loaded =
        DeploymentLoader.load(
            """
            apiVersion: iac.mcp/v1
            kind: Deployment
            metadata: {name: customer-portal}
            spec:
              providers:
                test: {url: https://fw.lan}
              resources:
                - type: core:data
                  name: a
                  properties: {input: hello}
                - type: core:data
                  name: b
                  provider: core
                  properties: {input: "${a.output}"}
                  dependsOn: [a]
                - type: core:data
                  name: c
                  properties:
                    input:
                      list: [1, true, "${core:data:b.output}"]
                      port: 443
            """,
            "portal.yaml");

    assertThat(built.withoutSource()).isEqualTo(loaded.withoutSource());
    assertThat(built.location()).isEqualTo(new SourceLocation("<builder>", 0));
    assertThat(built.resources())
        .allSatisfy(r -> assertThat(r.location()).isEqualTo(new SourceLocation("<builder>", 0)));
    assertThat(DeploymentValidator.validate(built, TestProvider.registry()))
        .as("the builder's deployment is valid, as is the YAML")
        .isEmpty();
  }

  @Test
  void writesReferences() {
    assertThat(ref("a", "output")).isEqualTo("${a.output}");
    assertThat(ref("aws:ec2", "app-1", "ip")).isEqualTo("${aws:ec2:app-1.ip}");
    assertThat(References.find(Json.MAPPER.valueToTree(ref("aws:ec2", "app-1", "ip"))))
        .containsExactly(new Reference("aws:ec2", "app-1", "ip", "${aws:ec2:app-1.ip}"));
  }

  @Test
  void acceptsEveryJsonValueAndCopiesNodes() {
    ObjectNode node = Json.object().put("k", 1);
    Deployment d =
        DeploymentBuilder.deployment("values")
            .provider("test", Json.object().put("url", "https://x"))
            .resource(
                "core:data",
                "a",
                r ->
                    r.properties(Map.of("input", node))
                        .property("triggersReplace", null)
                        .property("delayMs", 5L)
                        .property("failOnCreate", false))
            .resource("core:data", "empty")
            .build();
    node.put("k", 2);

    ObjectNode props = d.resources().get(0).properties();
    assertThat(props.get("input")).isEqualTo(Json.parse("{\"k\": 1}"));
    assertThat(props.get("triggersReplace").isNull()).isTrue();
    assertThat(props.get("delayMs").longValue()).isEqualTo(5L);
    assertThat(d.resources().get(1).properties()).isEmpty();
    assertThat(d.providers().get("test").get("url").textValue()).isEqualTo("https://x");
  }

  @Test
  void refusesValuesThatAreNotJson() {
    assertThatThrownBy(
            () ->
                DeploymentBuilder.deployment("x")
                    .resource("core:data", "a", r -> r.property("input", Duration.ofSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("property 'input'");
  }

  @Test
  void builderDeploymentsAreValidatedLikeFiles() {
    Deployment d =
        DeploymentBuilder.deployment("checked")
            .resource("core:data", "a", r -> r.property("input", ref("nobody", "output")))
            .resource("test:server", "web", r -> r.property("host", "h").property("port", 0))
            .build();

    assertThat(DeploymentValidator.validate(d, TestProvider.registry()))
        .extracting(Diagnostic::format)
        .containsExactly(
            "<builder>: resource 'a', property 'properties.input': '${nobody.output}' refers to"
                + " 'nobody', but the deployment has no resource of that name",
            "<builder>: resource 'web', property 'properties.port': must have a minimum value of 1"
                + " (found 0)");
  }
}
