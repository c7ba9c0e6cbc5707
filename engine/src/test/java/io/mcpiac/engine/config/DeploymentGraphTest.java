package io.mcpiac.engine.config;

import static io.mcpiac.engine.config.DeploymentBuilder.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpiac.engine.dag.DependencyGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentGraphTest {
  private final Deployment portal =
      DeploymentBuilder.deployment("portal")
          .resource("test:server", "web", r -> r.property("host", "web.lan"))
          .resource("core:data", "net")
          .resource(
              "test:pool",
              "pool",
              r ->
                  r.property("members", List.of(ref("web", "ip"), ref("test:server", "web", "id")))
                      .property("mode", "round-robin")
                      .property("port", "${net.output}")
                      .dependsOn("net", "ghost"))
          .resource(
              "core:data",
              "report",
              r ->
                  r.property("input", Map.of("text", "pool at ${pool.address}, net ${net.output}")))
          .build();

  @Test
  void edgesComeFromReferencesAndDependsOnWithWhereTheyWereWritten() {
    ResourceConfig pool = portal.resource("pool").orElseThrow();

    assertThat(DeploymentGraph.edgesOf(pool))
        .containsExactly(
            new DeploymentGraph.Edge("pool", "web", "properties.members[0]"),
            new DeploymentGraph.Edge("pool", "web", "properties.members[1]"),
            new DeploymentGraph.Edge("pool", "net", "properties.port"),
            new DeploymentGraph.Edge("pool", "net", "dependsOn[0]"),
            new DeploymentGraph.Edge("pool", "ghost", "dependsOn[1]"));
    assertThat(DeploymentGraph.dependenciesOf(pool)).containsExactly("web", "net", "ghost");
  }

  @Test
  void theGraphHasEveryResourceAndOnlyKnownNames() {
    DependencyGraph graph = DeploymentGraph.of(portal);

    assertThat(graph.nodes()).containsExactly("web", "net", "pool", "report");
    assertThat(graph.dependenciesOf("pool")).containsExactly("web", "net");
    assertThat(graph.dependenciesOf("report")).containsExactly("pool", "net");
    assertThat(graph.waves())
        .containsExactly(List.of("web", "net"), List.of("pool"), List.of("report"));
  }

  @Test
  void aResourceNeverDependsOnItselfInItsDependencyList() {
    ResourceConfig self =
        DeploymentBuilder.deployment("s")
            .resource("core:data", "a", r -> r.property("input", ref("a", "output")).dependsOn("b"))
            .build()
            .resources()
            .get(0);

    assertThat(DeploymentGraph.dependenciesOf(self)).containsExactly("b");
  }
}
